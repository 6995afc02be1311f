/**
 * `npm test`: the whole hybrid suite, layer by layer, through Nx (cached, parallel per project):
 * unit (AVA), integration (Pact consumers then providers, can-i-deploy; the schema migrations' drift check and
 * upgrade tests), resilience (partial failures on real processes), end-to-end (Playwright).
 * Prints a per-layer timing table and one closing summary line. Lint and types are `npm run check`;
 * performance is `npx nx perf gateway`. Set LEDGERLINE_LAYERS=unit,contract to run only some layers.
 */
import { spawn } from 'node:child_process';
import { REPO_ROOT } from './discover.ts';

interface Layer {
  name: string;
  command: string[];
}

const LAYERS: Layer[] = [
  { name: 'unit', command: ['nx', 'run-many', '-t', 'test', '--outputStyle=static'] },
  { name: 'contract', command: ['nx', 'run-many', '-t', 'contract', '--outputStyle=static'] },
  { name: 'can-i-deploy', command: ['node', 'libs/contract-kit/src/can-i-deploy.ts'] },
  { name: 'migrations', command: ['nx', 'run-many', '-t', 'migrations', '--outputStyle=static'] },
  // Partial failures between services on real processes (pause, kill, restart): services/transaction/test/*.resilience.test.ts
  { name: 'resilience', command: ['nx', 'run-many', '-t', 'resilience', '--outputStyle=static'] },
  { name: 'e2e', command: ['nx', 'e2e', 'web', '--outputStyle=static'] },
];

interface Outcome {
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

function runLayer(layer: Layer): Promise<Outcome> {
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn(layer.command[0], layer.command.slice(1), { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, PACT_DO_NOT_TRACK: 'true' } });
    let output = '';
    const tee = (stream: NodeJS.WriteStream) => (chunk: Buffer) => {
      output += chunk.toString();
      stream.write(chunk);
    };
    child.stdout.on('data', tee(process.stdout));
    child.stderr.on('data', tee(process.stderr));
    child.on('close', (code) => {
      resolve({ name: layer.name, ok: code === 0, seconds: (performance.now() - started) / 1000, ...countTests(output) });
    });
  });
}

async function main(): Promise<void> {
  const only = process.env.LEDGERLINE_LAYERS?.split(',').map((s) => s.trim());
  const outcomes: Outcome[] = [];
  for (const layer of LAYERS.filter((l) => !only || only.includes(l.name))) {
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
