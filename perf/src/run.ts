/**
 * The performance run (`npx nx perf gateway [--scale small|default|large]`, or PERF_SCALE): seeds fresh
 * file-SQLite databases in a temp dir, starts every service on them, logs in a pool of users, measures each
 * scenario through the gateway (warm-up excluded), measures the bare-Koa and ORM references, checks the
 * budgets, saves results and the report, and cleans up whatever happens. Exits 1 when a budget is broken.
 */
import { cpSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DATABASE_SERVICES, startSystem, type DatabaseService, type RunningSystem } from '@ledgerline/system-kit';
import { createTempDir, createTestDatabases } from '@ledgerline/test-kit';
import { hostCostsLine, measureHostCosts } from './load/host-costs.ts';
import { measureInterleaved, mergeSlices } from './load/interleave.ts';
import { warmUp, type LoadSettings } from './load/measure.ts';
import { pendingTradesLeft } from './load/pending.ts';
import { checkSeededData } from './load/preflight.ts';
import { openSessions } from './load/sessions.ts';
import { parseOptions } from './options.ts';
import { formatMs } from './progress.ts';
import { summariseProfiles } from './profile/summarise.ts';
import { REFERENCE_NAMES, startReferences, type RunningReference } from './reference/reference.ts';
import { checkBudgets, readBudgets } from './report/budgets.ts';
import { writeReport } from './report/markdown.ts';
import { machineInfo, readBaselines, saveBaseline, saveResults, type RunResults, type ScenarioResult } from './report/results.ts';
import { SCENARIOS } from './scenarios/scenarios.ts';
import { readManifest, type SeedManifest } from './seed/manifest.ts';
import { seedDatabases } from './seed/seed-databases.ts';

// Perf data is test data: the database kit then refuses ./data/ and anything outside the OS temp dir.
process.env.LEDGERLINE_TEST_RUN = '1';
const options = parseOptions();
const { scale } = options;
const started = performance.now();
const startedAt = new Date().toISOString();
const settings: LoadSettings = { connections: scale.connections, warmupSeconds: scale.warmupSeconds, durationSeconds: scale.durationSeconds, rounds: scale.rounds };
/** The processes whose CPU a scenario costs. */
const SERVICE_PROCESSES = ['gateway', 'auth', 'portfolio', 'transaction'];
const scenarios = SCENARIOS.filter((s) => !options.only || options.only.includes(s.name));
const unknown = options.only?.filter((name) => !SCENARIOS.some((s) => s.name === name)) ?? [];
if (unknown.length) throw new Error(`Unknown scenario(s) ${unknown.join(', ')}: the scenarios are ${SCENARIOS.map((s) => s.name).join(', ')}.`);

/** Environment of the services under load: quiet logs, tokens that outlive the run, no login throttling by address. */
function serviceEnv(profileDir: string | undefined): Record<string, string> {
  return {
    LOG_LEVEL: 'warn',
    AUTH_ACCESS_TOKEN_TTL: '3600',
    GATEWAY_LOGIN_PER_MINUTE: '100000000',
    GATEWAY_REGISTER_PER_MINUTE: '100000000',
    ...(profileDir ? { NODE_OPTIONS: `--cpu-prof --cpu-prof-dir=${profileDir}` } : {}),
    ...(process.env.PERF_SERVICE_NODE_OPTIONS ? { NODE_OPTIONS: process.env.PERF_SERVICE_NODE_OPTIONS } : {}),
  };
}

const cpuLine = (r: ScenarioResult) =>
  Object.entries(r.cpu?.msPerRequest ?? {}).filter(([, ms]) => ms > 0).map(([name, ms]) => `${name} ${ms.toFixed(2)}`).join(', ') +
  (r.cpu?.machineBusy === undefined ? '' : `  | machine busy ${Math.round(r.cpu.machineBusy * 100)}%`);
const ratioLine = (r: ScenarioResult) => {
  const orm = r.ratios?.[REFERENCE_NAMES.orm];
  return orm ? `  ×ORM ${orm.median.toFixed(2)} (${orm.min.toFixed(2)}–${orm.max.toFixed(2)})` : '';
};
const line = (r: ScenarioResult) =>
  `  ${r.name.padEnd(20)} ${String(Math.round(r.rps)).padStart(6)} req/s${ratioLine(r)}  p50 ${String(r.latencyMs.p50).padStart(4)} ms  p90 ${String(r.latencyMs.p90).padStart(4)} ms  p99 ${String(r.latencyMs.p99).padStart(4)} ms  errors ${(r.errorRate * 100).toFixed(2)}%  | CPU ms/req: ${cpuLine(r)}`;

const temp = createTempDir('ledgerline-perf-');
// LEDGERLINE_DB=postgres: the seeded databases (and so the services) are on a throwaway PostgreSQL cluster.
const databases = createTestDatabases('ledgerline-perf-db-');
const locations = databases.engine === 'postgres'
  ? (Object.fromEntries(await Promise.all(DATABASE_SERVICES.map(async (name) => [name, await databases.location(name)]))) as Record<DatabaseService, string>)
  : undefined;
let system: RunningSystem | undefined;
let references: RunningReference[] = [];
const cleanUp = async () => {
  const running = system;
  system = undefined;
  await running?.stop();
  const refs = references;
  references = [];
  await Promise.all(refs.map((r) => r.stop()));
  await databases.remove();
  temp.remove();
};
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    console.error(`\n${signal}: stopping the services and removing ${temp.dir}`);
    void cleanUp().finally(() => process.exit(130));
  });
}

let exitCode = 0;
try {
  console.log(`Ledgerline perf run on ${databases.engine} — scale ${scale.name}, ${settings.connections} connections, ${settings.warmupSeconds} s warm-up + ${settings.rounds} × ${settings.durationSeconds} s per scenario${options.skipReference ? '' : ', each slice after a slice of each reference'}`);
  // Before anything of the run starts: what the kernel charges here, to read the ratios against another host's.
  const hostCosts = measureHostCosts();
  console.log(`Host: ${hostCostsLine(hostCosts)}`);
  let manifest: SeedManifest;
  if (options.data) {
    if (locations) throw new Error('--data reuses seeded SQLite files: it cannot be combined with LEDGERLINE_DB=postgres');
    cpSync(resolve(options.data), temp.dir, { recursive: true });
    manifest = readManifest(temp.dir);
    if (manifest.scale !== scale.name) throw new Error(`${options.data} holds the ${manifest.scale} data set, not ${scale.name}: pass --scale ${manifest.scale}`);
    console.log(`Using the ${manifest.scale} data set seeded earlier in ${options.data} (copied; seeding took ${manifest.timings.total} s)`);
  } else {
    manifest = await seedDatabases({ dir: temp.dir, scale, locations });
  }
  const profileDir = options.profile ? join(temp.dir, 'profiles') : undefined;
  const systemStarted = performance.now();
  // A loaded machine can take well over the kit's default 30 s to start four services on seeded data.
  // The services' sources, not the test kit's bundles: --profile names their files, and the baselines were measured so.
  system = await startSystem({ dataDir: temp.dir, databases: locations, env: serviceEnv(profileDir), readyTimeoutMs: 120_000, code: 'source' });
  console.log(`System up in ${formatMs(performance.now() - systemStarted)} (gateway ${system.gatewayUrl})`);
  const sessions = await openSessions(system.gatewayUrl, manifest, scale.sessionPool);
  const checked = await checkSeededData(system.gatewayUrl, sessions);
  console.log(`Logged in ${sessions.length} users (before measuring); ${checked} seeded portfolios read back consistent (cash, holdings, history)`);

  // The references run for the whole measurement, each in its own process, measured interleaved with the scenarios.
  references = options.skipReference ? [] : await startReferences(temp.dir);
  for (const reference of references) await warmUp(reference.target, settings);
  const referenceSlices: Record<string, ScenarioResult[]> = {};
  const results: ScenarioResult[] = [];
  let key = 0;
  const runId = Date.now().toString(36);
  for (const scenario of scenarios) {
    const gatewayUrl = system.gatewayUrl;
    const measured = await measureInterleaved({
      name: scenario.name,
      title: scenario.title,
      url: gatewayUrl,
      processes: SERVICE_PROCESSES,
      build: (check, phase) => scenario.build({ manifest, sessions, seed: phase === 'warmup' ? 7 : 42, nextKey: () => `perf-${runId}-${(key += 1)}` }, check),
    }, references.map((r) => r.target), settings);
    results.push(measured.scenario);
    for (const [name, slices] of Object.entries(measured.referenceSlices)) (referenceSlices[name] ??= []).push(...slices);
    console.log(line(results.at(-1)!));
  }
  // Every trade must be settled once the load stops: pending ones are finished by the reconciler (5 s interval).
  const pending = await pendingTradesLeft(system.urls.transaction, 30_000);
  console.log(`Pending trades left at the end: ${pending.count}${pending.count ? ` (oldest ${pending.oldestAgeSeconds} s)` : ''} after waiting ${formatMs(pending.waitedMs)}`);
  await system.stop();
  system = undefined;
  await Promise.all(references.map((r) => r.stop()));
  references = [];
  if (profileDir) summariseProfiles(profileDir, results.flatMap((r) => (r.windowUs ? [r.windowUs] : [])));

  // Each reference over all its slices of the run (its req/s: the median slice).
  const reference = Object.values(referenceSlices).map((slices) => mergeSlices(slices));
  for (const r of reference) console.log(line(r));

  const violations = checkBudgets(readBudgets(), scale.name, results);
  if (pending.count > 0) {
    violations.push({ scenario: 'all', metric: 'pendingTradesAtEnd', budget: 0, actual: pending.count, over: `+${pending.count}`, message: `${pending.count} trade(s) still pending 30 s after the load stopped (must be 0)` });
  }
  const run: RunResults = {
    startedAt,
    scale: scale.name,
    machine: machineInfo(hostCosts),
    seeding: { seconds: manifest.timings.total, counts: manifest.counts, timings: manifest.timings },
    scenarios: results,
    reference,
    budgets: { passed: violations.length === 0, violations },
    pendingTradesAtEnd: pending.count,
    totalSeconds: Math.round((performance.now() - started) / 100) / 10,
  };
  const file = saveResults(run);
  const baselines = readBaselines();
  const report = writeReport(run, baselines);
  if (options.saveBaseline) saveBaseline(run);
  console.log(`Results: ${file}\nReport:  ${report}${options.saveBaseline ? `\nBaseline for scale ${scale.name} saved.` : ''}`);
  if (violations.length) {
    console.error(`\nBUDGETS BROKEN (${violations.length}):\n${violations.map((v) => `  - ${v.message}`).join('\n')}`);
    exitCode = 1;
  } else {
    console.log('All budgets met.');
  }
} catch (error) {
  console.error(error);
  exitCode = 2;
} finally {
  await cleanUp();
  console.log(`Done in ${formatMs(performance.now() - started)}.`);
}
process.exit(exitCode);
