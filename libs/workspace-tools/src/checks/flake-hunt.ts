/**
 * The flake hunter: `node libs/workspace-tools/src/checks/flake-hunt.ts --runs 5 [--layer unit|contract|e2e|all]`
 * runs a layer N times with the Nx cache skipped, collects the failed test titles of every run (AVA `✘ [fail]:`
 * lines, Playwright list-reporter `✘` lines), and prints every test that ever failed with its failure count out
 * of N, then `flake-hunt: N runs, K flaky tests`. K counts every test that failed at least once (one failing in
 * every run is marked `every run`); exits 1 when K > 0, when a run failed without naming a test, or when a run
 * left `ledgerline-*` entries in the OS temp dir.
 */
import { spawn } from 'node:child_process';
import { parseArgs } from 'node:util';
import { withCompileCache } from '@ledgerline/test-kit/compile-cache';
import { REPO_ROOT } from '../discover.ts';
import { nxEnv } from '../nx-env.ts';
import { findTempLeftovers, listTempEntries } from './no-temp-leftovers.ts';
import { formatViolation } from './violation.ts';

export type Layer = 'unit' | 'contract' | 'e2e';
export const LAYERS: readonly Layer[] = ['unit', 'contract', 'e2e'];

/** The command each layer runs (through npx, from the repo root), always bypassing the Nx cache. */
export const LAYER_COMMANDS: Record<Layer, string[]> = {
  unit: ['nx', 'run-many', '-t', 'test', '--skip-nx-cache', '--outputStyle=static'],
  // The integration layer: the Pact contracts, the schema migrations' drift check and upgrade tests, and the system
  // kit's whole-system tests.
  contract: ['nx', 'run-many', '-t', 'contract,migrations,system', '--skip-nx-cache', '--outputStyle=static'],
  e2e: ['nx', 'e2e', 'web', '--skip-nx-cache', '--outputStyle=static'],
};

/** Text without ANSI escape sequences (colours and cursor movement). */
export function stripAnsi(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\u001b\[[0-9;?]*[A-Za-z]|\u001b\][^\u0007]*\u0007/g, '');
}

const NX_TASK = /^> nx run (\S+)$/;
const AVA_FAILED = /^\[(?:fail|unexpected pass)\]:\s*(.+)$/;
/** Playwright list reporter: `✘  3 [chromium] › tests/a.spec.ts:12:5 › title (1.2s)` (index, then location). */
const PLAYWRIGHT_FAILED = /^\d+\s+(.*?\S+:\d+:\d+ › .+)$/;
const PLAYWRIGHT_SUFFIX = /(?:\s+\(retry #\d+\))?(?:\s+\(\d+(?:\.\d+)?(?:ms|s|m|h|d)\))?\s*$/;

/**
 * The distinct failed tests named in one run's output, each prefixed with the Nx task that ran it
 * (`[auth:test] users/register › title`). AVA appends the failure message to its `✘ [fail]:` line, so the title
 * is taken from the failure details AVA prints later (the title on a line of its own) when one matches.
 */
export function parseFailedTests(output: string): string[] {
  const lines = stripAnsi(output).split(/\r?\n/);
  const standalone = new Set(lines.map((line) => line.trim()).filter(Boolean));
  const failed = new Set<string>();
  let task = '';
  for (const raw of lines) {
    const line = raw.trim();
    const header = NX_TASK.exec(line);
    if (header) task = header[1];
    if (!line.startsWith('✘')) continue;
    const rest = line.slice(1).trim();
    const ava = AVA_FAILED.exec(rest);
    const playwright = ava ? null : PLAYWRIGHT_FAILED.exec(rest);
    let title = rest;
    if (ava) title = avaTitle(ava[1], standalone);
    else if (playwright) title = playwright[1].replace(PLAYWRIGHT_SUFFIX, '');
    failed.add(task ? `[${task}] ${title}` : title);
  }
  return [...failed];
}

/** The longest title AVA printed on its own line that the `✘ [fail]:` text starts with; else the whole text. */
function avaTitle(text: string, standalone: Set<string>): string {
  let best: string | undefined;
  const needsFile = text.includes(' › ');
  for (const candidate of standalone) {
    if (needsFile && !candidate.includes(' › ')) continue;
    if ((text === candidate || text.startsWith(`${candidate} `)) && candidate.length > (best?.length ?? 0)) best = candidate;
  }
  return best ?? text;
}

export interface FlakeRow {
  test: string;
  failures: number;
}

/** Failure counts per test across runs (each run's list counted once per test), most failures first. */
export function tallyFailures(runs: readonly string[][]): FlakeRow[] {
  const counts = new Map<string, number>();
  for (const run of runs) for (const test of new Set(run)) counts.set(test, (counts.get(test) ?? 0) + 1);
  return [...counts].map(([test, failures]) => ({ test, failures })).sort((a, b) => b.failures - a.failures || a.test.localeCompare(b.test));
}

/** The table of every test that ever failed, and the closing `flake-hunt: N runs, K flaky tests` line. */
export function formatFlakeReport(rows: readonly FlakeRow[], runs: number): string[] {
  const lines = rows.length ? ['failed  when       test'] : [];
  for (const row of rows) {
    lines.push(`${`${row.failures}/${runs}`.padStart(6)}  ${(row.failures === runs ? 'every run' : 'flaky').padEnd(9)}  ${row.test}`);
  }
  lines.push(`flake-hunt: ${runs} runs, ${rows.length} flaky tests`);
  return lines;
}

/** The layers `--layer` names (`all` = unit, contract, e2e in that order). */
export function layersFor(name: string): Layer[] {
  if (name === 'all') return [...LAYERS];
  if ((LAYERS as readonly string[]).includes(name)) return [name as Layer];
  throw new Error(`--layer must be one of unit, contract, e2e, all (got '${name}')`);
}

function runCommand(args: string[]): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    const child = spawn('npx', args, { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: nxEnv(withCompileCache({ E2E_TRACE: '1', ...process.env, NX_TUI: 'false', PACT_DO_NOT_TRACK: 'true' })) });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
  });
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { runs: { type: 'string', default: '5' }, layer: { type: 'string', default: 'unit' } } });
  const runs = Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs must be a positive integer (got '${values.runs}')`);
  const layers = layersFor(values.layer!);
  const perRun: string[][] = [];
  const problems: string[] = [];
  for (let i = 1; i <= runs; i++) {
    const failed: string[] = [];
    for (const layer of layers) {
      const tempBefore = listTempEntries();
      const started = performance.now();
      const { code, output } = await runCommand(LAYER_COMMANDS[layer]);
      const names = parseFailedTests(output);
      failed.push(...names);
      console.log(`run ${i}/${runs} ${layer}: exit ${code}, ${names.length} failed (${((performance.now() - started) / 1000).toFixed(1)}s)`);
      if (code !== 0 && names.length === 0) problems.push(`run ${i} ${layer} exited ${code} without naming a failed test; last lines:\n${stripAnsi(output).trimEnd().split('\n').slice(-15).join('\n')}`);
      problems.push(...findTempLeftovers(tempBefore, listTempEntries()).map((v) => `run ${i} ${layer}: ${formatViolation(v)}`));
    }
    perRun.push(failed);
  }
  for (const problem of problems) console.log(problem);
  const rows = tallyFailures(perRun);
  for (const line of formatFlakeReport(rows, runs)) console.log(line);
  process.exitCode = rows.length > 0 || problems.length > 0 ? 1 : 0;
}

if (import.meta.main) await main();
