/**
 * `npm test`: the whole hybrid suite, layer by layer, through Nx (cached, parallel per project):
 * unit (AVA), integration (Pact consumers then providers, can-i-deploy; the schema migrations' drift check and
 * upgrade tests), system (the system kit starting and stopping the whole system, on SQLite and PostgreSQL),
 * resilience (partial failures on real processes), end-to-end (Playwright).
 * Before the e2e layer it makes sure the browser is there (installing Debian's Chromium when it can, see
 * install-browser.ts), so a fresh clone needs only `npm ci` and `npm test`. Every process it starts shares Node's
 * compile cache (test-kit's compile-cache.ts: in memory where it can be; the caches of deleted clones are removed
 * first), and Nx runs without plugin isolation (nx-env.ts). Prints a per-layer timing table and one closing summary
 * line.
 * Lint and types are `npm run check`; performance is `npx nx perf gateway`. Set LEDGERLINE_LAYERS=unit,contract
 * to run only some layers; `npm run bench:suite` times the same layers.
 */
import { spawn } from 'node:child_process';
import { pruneCompileCaches, withCompileCache } from '@ledgerline/test-kit/compile-cache';
import { REPO_ROOT } from './discover.ts';
import { ensureBrowser } from './install-browser.ts';
import { nxEnv } from './nx-env.ts';

export interface Layer {
  name: string;
  command: string[];
  /** Runs first; a layer whose check fails is reported failed with the check's message, without running. */
  before?: () => { ok: boolean; message: string };
}

export const LAYERS: Layer[] = [
  { name: 'unit', command: ['nx', 'run-many', '-t', 'test', '--outputStyle=static'] },
  { name: 'contract', command: ['nx', 'run-many', '-t', 'contract', '--outputStyle=static'] },
  { name: 'can-i-deploy', command: ['node', 'libs/contract-kit/src/can-i-deploy.ts'] },
  { name: 'migrations', command: ['nx', 'run-many', '-t', 'migrations', '--outputStyle=static'] },
  // The whole system on real processes, no browser: the system kit's own tests (libs/system-kit/src/system.test.ts).
  { name: 'system', command: ['nx', 'run-many', '-t', 'system', '--outputStyle=static'] },
  // Partial failures between services on real processes (pause, kill, restart) and replicas racing on one PostgreSQL:
  // services/*/test/*.resilience.test.ts
  { name: 'resilience', command: ['nx', 'run-many', '-t', 'resilience', '--outputStyle=static'] },
  { name: 'e2e', command: ['nx', 'e2e', 'web', '--outputStyle=static'], before: ensureBrowser },
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

/** Runs one layer from the repo root; its output goes to the terminal unless `quiet`, and is counted either way. */
export function runLayer(layer: Layer, options: { quiet?: boolean; env?: NodeJS.ProcessEnv } = {}): Promise<Outcome> {
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
      if (!options.quiet) stream.write(chunk);
    };
    child.stdout.on('data', tee(process.stdout));
    child.stderr.on('data', tee(process.stderr));
    child.on('close', (code) => {
      if (code !== 0 && options.quiet) process.stderr.write(output);
      resolve({ name: layer.name, ok: code === 0, seconds: (performance.now() - started) / 1000, ...countTests(output) });
    });
  });
}

async function main(): Promise<void> {
  pruneCompileCaches();
  const outcomes: Outcome[] = [];
  for (const layer of selectedLayers()) {
    console.log(`\n━━ ${layer.name}: ${layer.command.join(' ')}`);
    const outcome = await runLayer(layer);
    outcomes.push(outcome);
    if (!outcome.ok) break;
  }
  const total = outcomes.reduce((sum, o) => sum + o.seconds, 0);
  console.log('\nlayer         result  tests  seconds');
  for (const o of outcomes) {
    console.log(`${o.name.padEnd(13)} ${(o.ok ? 'ok' : 'FAILED').padEnd(7)} ${String(o.passed).padStart(5)}  ${o.seconds.toFixed(1).padStart(7)}`);
  }
  console.log(`${'total'.padEnd(13)} ${''.padEnd(7)} ${''.padStart(5)}  ${total.toFixed(1).padStart(7)}`);
  const passed = outcomes.reduce((sum, o) => sum + o.passed, 0);
  const failed = outcomes.reduce((sum, o) => sum + o.failed, 0) + outcomes.filter((o) => !o.ok && o.failed === 0).length;
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(outcomes.every((o) => o.ok) ? 0 : 1);
}

if (import.meta.main) await main();
