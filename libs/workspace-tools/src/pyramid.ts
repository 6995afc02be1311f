/**
 * `npm run test:pyramid`: counts tests per layer from the runners' own listings — AVA's summaries of the unit
 * targets (through Nx, so a cached run costs nothing), the interactions in the committed pact files plus AVA's
 * summaries of the `migrations` targets (drift check and upgrade tests on file-SQLite: integration), of the
 * `system` targets (the system kit starting the whole system on real processes: integration) and of the
 * `resilience` targets (partial failures between real service processes, no browser: integration), and
 * `playwright test --list` — prints counts, shares and the 70/20/10 targets side by side, and fails when a
 * share drifts out of its agreed bounds. The last line is the one-line summary.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from './discover.ts';
import { nxEnv } from './nx-env.ts';
import { countTests } from './test-all.ts';

export interface LayerCount {
  layer: 'unit' | 'integration' | 'e2e';
  tests: number;
}

/** Agreed bounds (percent of all tests): the strategy's 70/20/10, each within ±5 points (e2e ±3). */
export const BOUNDS = {
  unit: { target: 70, min: 65, max: 75 },
  integration: { target: 20, min: 15, max: 25 },
  e2e: { target: 10, min: 7, max: 13 },
} as const;

export interface PyramidRow extends LayerCount {
  share: number;
  target: number;
  min: number;
  max: number;
  ok: boolean;
}

export function pyramid(counts: LayerCount[]): PyramidRow[] {
  const total = counts.reduce((sum, c) => sum + c.tests, 0) || 1;
  return counts.map((c) => {
    const share = (100 * c.tests) / total;
    const bounds = BOUNDS[c.layer];
    return { ...c, share, ...bounds, ok: share >= bounds.min && share <= bounds.max };
  });
}

export function formatPyramid(rows: PyramidRow[]): string[] {
  const lines = ['layer        tests   share   target  bounds     ok'];
  for (const r of rows) {
    lines.push(`${r.layer.padEnd(11)} ${String(r.tests).padStart(6)}  ${r.share.toFixed(1).padStart(5)}%  ${String(r.target).padStart(5)}%  ${`${r.min}–${r.max}%`.padEnd(9)}  ${r.ok ? 'yes' : 'NO'}`);
  }
  const total = rows.reduce((sum, r) => sum + r.tests, 0);
  const bad = rows.filter((r) => !r.ok).map((r) => `${r.layer} ${r.share.toFixed(1)}% outside ${r.min}–${r.max}%`);
  lines.push(`pyramid: ${rows.map((r) => `${r.layer} ${r.tests} (${r.share.toFixed(0)}%)`).join(', ')} of ${total} — ${bad.length ? `FAIL: ${bad.join('; ')}` : 'within bounds'}`);
  return lines;
}

/** Interactions in every committed pact: each is one consumer test and one provider verification. */
export function countInteractions(contractsDir = join(REPO_ROOT, 'contracts')): number {
  return readdirSync(contractsDir)
    .filter((name) => name.endsWith('.json') && name !== 'boundaries.json')
    .reduce((sum, name) => sum + (JSON.parse(readFileSync(join(contractsDir, name), 'utf8')).interactions?.length ?? 0), 0);
}

function run(command: string, args: string[]): string {
  const result = spawnSync(command, args, { cwd: REPO_ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, env: nxEnv() });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed:\n${result.stdout}\n${result.stderr}`);
  return `${result.stdout}\n${result.stderr}`;
}

async function main(): Promise<void> {
  const unit = countTests(run('nx', ['run-many', '-t', 'test', '--outputStyle=static'])).passed;
  const migrations = countTests(run('nx', ['run-many', '-t', 'migrations', '--outputStyle=static'])).passed;
  const system = countTests(run('nx', ['run-many', '-t', 'system', '--outputStyle=static'])).passed;
  const resilience = countTests(run('nx', ['run-many', '-t', 'resilience', '--outputStyle=static'])).passed;
  const e2e = Number(/Total: (\d+) tests?/.exec(run('playwright', ['test', '--list', '-c', 'e2e/playwright.config.ts']))?.[1] ?? 0);
  const lines = formatPyramid(pyramid([{ layer: 'unit', tests: unit }, { layer: 'integration', tests: countInteractions() + migrations + system + resilience }, { layer: 'e2e', tests: e2e }]));
  for (const line of lines) console.log(line);
  process.exit(lines.at(-1)!.includes('FAIL') ? 1 : 0);
}

if (import.meta.main) await main();
