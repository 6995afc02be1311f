/**
 * `npm test`: the whole hybrid suite through Nx (cached, parallel per project), in layers:
 * unit (AVA), integration (Pact consumers then providers, can-i-deploy; the schema migrations' drift check and
 * upgrade tests), system (the system kit starting and stopping the whole system, on SQLite and PostgreSQL),
 * resilience (partial failures on real processes), end-to-end (Playwright). Unit runs first; then two chains side
 * by side (LAYERS says which layer waits for which), with one throwaway PostgreSQL cluster for the whole run.
 * Before any layer it makes sure the browser is there (installing Debian's Chromium when it can, see
 * install-browser.ts), so a fresh clone needs only `npm ci` and `npm test`. Every process it starts shares Node's
 * compile cache (test-kit's compile-cache.ts: in memory where it can be; the caches of deleted clones are removed
 * first), and Nx runs without plugin isolation (nx-env.ts). Prints a per-layer timing table, the wall time and one
 * closing summary line.
 * Lint and types are `npm run check`; performance is `npx nx perf gateway`. Set LEDGERLINE_LAYERS=unit,contract
 * to run only some layers; `npm run bench:suite` times the same layers.
 */
import { spawn } from 'node:child_process';
import { pruneCompileCaches, withCompileCache } from '@ledgerline/test-kit/compile-cache';
import { SHARED_POSTGRES_ENV, startPostgresCluster } from '@ledgerline/test-kit/postgres-cluster';
import { REPO_ROOT } from './discover.ts';
import { ensureBrowser } from './install-browser.ts';
import { nxEnv } from './nx-env.ts';

export interface Layer {
  name: string;
  command: string[];
  /** Runs first; a layer whose check fails is reported failed with the check's message, without running. */
  before?: () => { ok: boolean; message: string };
  /** The layers that must pass before this one starts; a layer waits for no other, so it may run beside one. */
  after: string[];
  /** Its tests use PostgreSQL whatever `LEDGERLINE_DB` says (the others only with LEDGERLINE_DB=postgres). */
  postgres?: true;
}

/**
 * Two chains, run side by side once the unit layer has passed: the contract layer, can-i-deploy and the browser
 * tests; and the layers of real service processes (migrations, system, resilience), which spend much of their time
 * waiting — on a paused or killed service, a client's timeout, a reconcile interval — and left half of this 2-core
 * machine idle while they ran alone (resilience: 47% busy). The unit layer runs first, alone: the cheapest failures
 * come first and its real-deadline tests get the machine to themselves.
 */
export const LAYERS: Layer[] = [
  { name: 'unit', command: ['nx', 'run-many', '-t', 'test', '--outputStyle=static'], after: [], postgres: true },
  { name: 'contract', command: ['nx', 'run-many', '-t', 'contract', '--outputStyle=static'], after: ['unit'] },
  { name: 'can-i-deploy', command: ['node', 'libs/contract-kit/src/can-i-deploy.ts'], after: ['contract'] },
  { name: 'migrations', command: ['nx', 'run-many', '-t', 'migrations', '--outputStyle=static'], after: ['unit'], postgres: true },
  // The whole system on real processes, no browser: the system kit's own tests (libs/system-kit/src/system.test.ts).
  { name: 'system', command: ['nx', 'run-many', '-t', 'system', '--outputStyle=static'], after: ['migrations'], postgres: true },
  // Partial failures between services on real processes (pause, kill, restart) and replicas racing on one PostgreSQL:
  // services/*/test/*.resilience.test.ts
  { name: 'resilience', command: ['nx', 'run-many', '-t', 'resilience', '--outputStyle=static'], after: ['system'], postgres: true },
  { name: 'e2e', command: ['nx', 'e2e', 'web', '--outputStyle=static'], before: ensureBrowser, after: ['can-i-deploy'] },
];

export interface Outcome {
  name: string;
  ok: boolean;
  seconds: number;
  passed: number;
  failed: number;
}

/** Test counts from AVA ("12 tests passed", "1 test failed") and Playwright ("8 passed", "1 failed") summaries. */
export function countTests(output: string): { passed: number; failed: number } {
  // eslint-disable-next-line no-control-regex
  const plain = output.replace(/\u001b\[[0-9;]*m/g, '');
  let passed = 0;
  let failed = 0;
  for (const match of plain.matchAll(/^\s*(\d+) (?:tests? )?(passed|failed)\b/gm)) {
    if (match[2] === 'passed') passed += Number(match[1]);
    else failed += Number(match[1]);
  }
  return { passed, failed };
}

/** The layers LEDGERLINE_LAYERS names (all of them when unset). */
export function selectedLayers(only = process.env.LEDGERLINE_LAYERS): Layer[] {
  const names = only?.split(',').map((s) => s.trim());
  return LAYERS.filter((l) => !names || names.includes(l.name));
}

/**
 * The selected layers each layer waits for: those it names, and for one not selected, the selected layers that one
 * waits for (LEDGERLINE_LAYERS=unit,e2e still runs e2e after unit).
 */
export function waitsFor(layer: Layer, selected: readonly Layer[], all: readonly Layer[] = LAYERS): string[] {
  const names = new Set(selected.map((l) => l.name));
  const found = new Set<string>();
  const visit = (name: string) => {
    if (names.has(name)) found.add(name);
    else for (const next of all.find((l) => l.name === name)?.after ?? []) visit(next);
  };
  for (const name of layer.after) visit(name);
  return [...found];
}

/** The layers that can start now: not started yet, and every layer they wait for has passed. */
export function readyLayers(selected: readonly Layer[], started: ReadonlySet<string>, passed: ReadonlySet<string>, all: readonly Layer[] = LAYERS): Layer[] {
  return selected.filter((layer) => !started.has(layer.name) && waitsFor(layer, selected, all).every((name) => passed.has(name)));
}

export interface RunLayersOptions {
  /** Added to every layer's environment (the run's PostgreSQL cluster). */
  env?: NodeJS.ProcessEnv;
  run?: typeof runLayer;
  /** Where the headers, the kept output of layers run beside another and the checks' messages go (stdout, stderr). */
  print?: (text: string) => void;
  warn?: (text: string) => void;
}

/**
 * Runs the selected layers, each as soon as the layers it waits for have passed, so independent ones run side by
 * side. Every layer's `before` check runs first, before any layer starts (the browser install, which holds this
 * process, happens while nothing else runs; a missing browser is reported at once). The first layer running shows its
 * output as it comes; one started beside it keeps its output and shows it in one block when it ends. After a failure
 * no further layer starts; those running finish. Outcomes in `selected`'s order.
 */
export async function runLayers(selected: readonly Layer[], options: RunLayersOptions = {}): Promise<Outcome[]> {
  const { env = {}, run = runLayer, print = (text: string) => process.stdout.write(text), warn = (text: string) => process.stderr.write(text) } = options;
  const outcomes = new Map<string, Outcome>();
  const started = new Set<string>();
  const passed = new Set<string>();
  const running = new Set<Promise<void>>();
  let live: string | undefined;
  let failed = false;
  for (const layer of selected) {
    const check = layer.before?.();
    if (!check) continue;
    (check.ok ? print : warn)(`${check.message}\n`);
    if (check.ok) continue;
    outcomes.set(layer.name, { name: layer.name, ok: false, seconds: 0, passed: 0, failed: 0 });
    failed = true;
  }
  const startReady = () => {
    if (failed) return;
    for (const layer of readyLayers(selected, started, passed)) {
      started.add(layer.name);
      const header = `\n━━ ${layer.name}: ${layer.command.join(' ')}`;
      const shown = live === undefined;
      if (shown) {
        live = layer.name;
        print(`${header}\n`);
      }
      const kept: string[] = [];
      const beside = [...started].filter((name) => name !== layer.name && !outcomes.has(name));
      const job = run({ ...layer, before: undefined }, { env, sink: shown ? undefined : (chunk) => kept.push(chunk) }).then((outcome) => {
        if (!shown) print(`${header}  (ran beside ${beside.join(', ')}; its output:)\n${kept.join('')}`);
        if (live === layer.name) live = undefined;
        outcomes.set(layer.name, outcome);
        if (outcome.ok) passed.add(layer.name);
        else failed = true;
        running.delete(job);
        startReady();
      });
      running.add(job);
    }
  };
  startReady();
  while (running.size > 0) await Promise.race(running);
  return selected.flatMap((layer) => outcomes.get(layer.name) ?? []);
}

/**
 * Runs one layer from the repo root; its output goes to the terminal as it comes (to `sink` instead when given;
 * nowhere when `quiet`, unless it fails), and is counted either way.
 */
export function runLayer(layer: Layer, options: { quiet?: boolean; env?: NodeJS.ProcessEnv; sink?: (chunk: string) => void } = {}): Promise<Outcome> {
  const started = performance.now();
  const check = layer.before?.();
  if (check) (check.ok ? console.log : console.error)(check.message);
  if (check && !check.ok) return Promise.resolve({ name: layer.name, ok: false, seconds: 0, passed: 0, failed: 0 });
  return new Promise((resolve) => {
    const env = nxEnv(withCompileCache({ ...process.env, PACT_DO_NOT_TRACK: 'true', ...options.env }));
    const child = spawn(layer.command[0], layer.command.slice(1), { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'], env });
    let output = '';
    const tee = (stream: NodeJS.WriteStream) => (chunk: Buffer) => {
      output += chunk.toString();
      if (options.sink) options.sink(chunk.toString());
      else if (!options.quiet) stream.write(chunk);
    };
    child.stdout.on('data', tee(process.stdout));
    child.stderr.on('data', tee(process.stderr));
    child.on('close', (code) => {
      if (code !== 0 && options.quiet) process.stderr.write(output);
      resolve({ name: layer.name, ok: code === 0, seconds: (performance.now() - started) / 1000, ...countTests(output) });
    });
  });
}

/** Whether any of the layers uses PostgreSQL: one marked so, or any at all under LEDGERLINE_DB=postgres. */
export function needsPostgres(layers: readonly Layer[], env: Record<string, string | undefined> = process.env): boolean {
  return layers.some((layer) => layer.postgres) || (layers.length > 0 && env.LEDGERLINE_DB === 'postgres');
}

/**
 * Runs `work` with one throwaway PostgreSQL cluster for the whole run, started in the background (its server is ready
 * about a second later, while the first layer loads): `work` gets the environment that hands it to every layer, whose
 * tests then create their fresh databases in it instead of each starting a cluster (ten clusters a run before, about
 * 1.2 s of CPU each). Stopped and removed afterwards, also on Ctrl-C. Not started when `needed` is false.
 */
export async function withSharedPostgres<T>(work: (env: NodeJS.ProcessEnv) => Promise<T>, needed = true): Promise<T> {
  if (!needed) return work({});
  const cluster = startPostgresCluster();
  const interrupted = (signal: NodeJS.Signals) => {
    void cluster.stop().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
  };
  process.once('SIGINT', interrupted).once('SIGTERM', interrupted);
  try {
    return await work({ [SHARED_POSTGRES_ENV]: cluster.dir });
  } finally {
    process.off('SIGINT', interrupted).off('SIGTERM', interrupted);
    await cluster.stop();
  }
}

async function main(): Promise<void> {
  pruneCompileCaches();
  const started = performance.now();
  const layers = selectedLayers();
  const outcomes = await withSharedPostgres((env) => runLayers(layers, { env }), needsPostgres(layers));
  const total = (performance.now() - started) / 1000;
  console.log('\nlayer         result  tests  seconds');
  for (const o of outcomes) {
    console.log(`${o.name.padEnd(13)} ${(o.ok ? 'ok' : 'FAILED').padEnd(7)} ${String(o.passed).padStart(5)}  ${o.seconds.toFixed(1).padStart(7)}`);
  }
  console.log(`${'total (wall)'.padEnd(13)} ${''.padEnd(7)} ${''.padStart(5)}  ${total.toFixed(1).padStart(7)}`);
  const passed = outcomes.reduce((sum, o) => sum + o.passed, 0);
  const failed = outcomes.reduce((sum, o) => sum + o.failed, 0) + outcomes.filter((o) => !o.ok && o.failed === 0).length;
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(outcomes.every((o) => o.ok) ? 0 : 1);
}

if (import.meta.main) await main();
