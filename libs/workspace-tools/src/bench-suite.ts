/**
 * `npm run bench:suite [-- --runs N]`: how long `npm test` takes, as a whole and layer by layer, measured the way a
 * fresh clone pays for it — with the Nx cache skipped (NX_SKIP_NX_CACHE=true), and Node's compile cache emptied
 * before the first run (later runs reuse it, as a developer's second `npm test` does; each run records which).
 * Each run first runs the layers as `npm test` does (side by side where they may: runLayers in test-all.ts) and
 * takes its wall time — the figure a developer waits for — then runs each layer alone, one after another, for the
 * per-layer figures. Both share one throwaway PostgreSQL cluster per run, as `npm test` does.
 * Per layer over N runs: median, min and max seconds, tests, and milliseconds per test; plus the floor every AVA
 * run pays before its first test — an empty AVA test file (CLI and one worker), timed in the same run — and how
 * many AVA processes and workers the unit layer starts. Beside wall seconds it reports the CPU seconds each layer
 * used (user + system of every process it started, from /proc on Linux): on a shared machine wall time mostly
 * measures the neighbours, CPU time the suite. Writes perf/results/suite/bench.json and bench.md
 * (git-ignored) and prints the table. Exits non-zero only when a layer fails: a figure is reported, never judged.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { COMPILE_CACHE_DIR, pruneCompileCaches, withCompileCache } from '@ledgerline/test-kit/compile-cache';
import { SLOTS } from '@ledgerline/test-kit/ava-batch';
import { REPO_ROOT } from './discover.ts';
import { needsPostgres, selectedLayers, runLayer, runLayers, withSharedPostgres, type Outcome } from './test-all.ts';

export const RESULTS_DIR = join(REPO_ROOT, 'perf', 'results', 'suite');

export interface LayerFigures {
  layer: string;
  tests: number;
  median: number;
  min: number;
  max: number;
  msPerTest: number | null;
  /** Median CPU seconds (user + system of every process the layer started); null where /proc is missing. */
  cpu: number | null;
}

export interface BenchReport {
  date: string;
  machine: { cpu: string; cores: number; memoryGiB: number; loadAverageAtStart: number[]; node: string };
  runs: number;
  layers: LayerFigures[];
  /** The layers one after another: the sum of their seconds. */
  total: { median: number; min: number; max: number };
  /** The whole suite as `npm test` runs it (layers side by side where they may): its wall seconds. */
  scheduled: { median: number; min: number; max: number };
  floor: { emptyAvaFileSeconds: number; avaProcessesInUnitLayer: number; avaWorkersInUnitLayer: number };
  perRun: { compileCache: 'empty' | 'warm'; scheduledSeconds: number; scheduled: Outcome[]; outcomes: TimedOutcome[]; emptyAvaFileSeconds: number }[];
}

export interface TimedOutcome extends Outcome {
  cpuSeconds: number | null;
}

/** CPU seconds (user + system) used so far by this process's finished child processes (Linux /proc), else null. */
export function childrenCpuSeconds(stat = '/proc/self/stat'): number | null {
  if (!existsSync(stat)) return null;
  // Fields after the command name (which may hold spaces, so split after its closing parenthesis):
  // cutime and cstime are fields 16 and 17 of the line, in clock ticks (100 per second on Linux).
  const line = readFileSync(stat, 'utf8');
  const fields = line.slice(line.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[13]) + Number(fields[14])) / 100;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Median/min/max seconds, tests (of the last run) and ms per test (median / tests) for each layer. */
export function summarise(perRun: readonly TimedOutcome[][]): LayerFigures[] {
  const names = [...new Set(perRun.flat().map((o) => o.name))];
  return names.map((layer) => {
    const outcomes = perRun.map((run) => run.find((o) => o.name === layer)).filter((o): o is TimedOutcome => Boolean(o));
    const seconds = outcomes.map((o) => o.seconds);
    const cpu = outcomes.map((o) => o.cpuSeconds).filter((c): c is number => c !== null);
    const tests = outcomes.at(-1)!.passed;
    const mid = median(seconds);
    return { layer, tests, median: mid, min: Math.min(...seconds), max: Math.max(...seconds), msPerTest: tests ? (1000 * mid) / tests : null, cpu: cpu.length ? median(cpu) : null };
  });
}

/**
 * The unit layer's AVA processes and workers: Nx batches every project's `test` task into one AVA process with a
 * worker per slot (libs/test-kit/src/ava-batch/), so one process, and as many workers as slots or projects.
 */
export function countUnitWorkers(root = REPO_ROOT): { processes: number; workers: number } {
  let projects = 0;
  for (const parent of ['services', 'libs']) {
    for (const name of existsSync(join(root, parent)) ? readdirSync(join(root, parent)) : []) {
      const dir = join(root, parent, name);
      if (!existsSync(join(dir, 'package.json'))) continue;
      if (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).nx?.targets?.test) projects++;
    }
  }
  return { processes: projects ? 1 : 0, workers: Math.min(SLOTS, projects) };
}

/** Seconds for AVA to run one empty test file (CLI start, one worker, one test): the fixed cost of an AVA run. */
export function timeEmptyAvaFile(): number {
  // Inside the repo (so `import 'ava'` resolves) but not under node_modules (Node strips types only outside it).
  const dir = join(RESULTS_DIR, 'floor');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  try {
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ type: 'module', ava: { extensions: ['ts'], files: ['empty.test.ts'] } }));
    writeFileSync(join(dir, 'empty.test.ts'), "import test from 'ava';\ntest('empty', (t) => t.pass());\n");
    const ava = join(REPO_ROOT, 'node_modules', 'ava', 'entrypoints', 'cli.js');
    const started = performance.now();
    const result = spawnSync(process.execPath, [ava], { cwd: dir, encoding: 'utf8', env: withCompileCache() });
    const seconds = (performance.now() - started) / 1000;
    if (result.status !== 0) throw new Error(`the empty AVA file failed:\n${result.stdout}\n${result.stderr}`);
    return seconds;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const fmt = (n: number) => n.toFixed(1);

export function formatMarkdown(report: BenchReport): string {
  const { machine } = report;
  const lines = [
    `Suite benchmark, ${report.date}: ${report.runs} run(s), Nx cache skipped, Node's compile cache empty before run 1.`,
    `Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB, load average ${machine.loadAverageAtStart.map((l) => l.toFixed(2)).join(' / ')} at start, Node ${machine.node}.`,
    '',
    '| layer | tests | median s | min s | max s | ms per test | CPU s (median) |',
    '|---|--:|--:|--:|--:|--:|--:|',
    ...report.layers.map((l) => `| ${l.layer} | ${l.tests} | ${fmt(l.median)} | ${fmt(l.min)} | ${fmt(l.max)} | ${l.msPerTest === null ? '—' : Math.round(l.msPerTest)} | ${l.cpu === null ? '—' : fmt(l.cpu)} |`),
    `| **total**, one after another | ${report.layers.reduce((s, l) => s + l.tests, 0)} | ${fmt(report.total.median)} | ${fmt(report.total.min)} | ${fmt(report.total.max)} | | |`,
    `| **\`npm test\`**, layers side by side as it runs them | ${report.layers.reduce((s, l) => s + l.tests, 0)} | ${fmt(report.scheduled.median)} | ${fmt(report.scheduled.min)} | ${fmt(report.scheduled.max)} | | |`,
    '',
    `Floor: an empty AVA test file takes ${report.floor.emptyAvaFileSeconds.toFixed(2)} s (median of the runs); the unit layer starts ` +
      `${plural(report.floor.avaProcessesInUnitLayer, 'AVA process', 'AVA processes')} with ${plural(report.floor.avaWorkersInUnitLayer, 'worker', 'workers')}.`,
  ];
  return `${lines.join('\n')}\n`;
}

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { runs: { type: 'string', default: '3' } } });
  const runs = Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs must be a positive integer (got '${values.runs}')`);
  const cpu = cpus();
  const machine = { cpu: cpu[0]?.model ?? 'unknown', cores: cpu.length, memoryGiB: Math.round(totalmem() / 2 ** 30), loadAverageAtStart: loadavg(), node: process.version };
  const perRun: BenchReport['perRun'] = [];
  pruneCompileCaches();
  rmSync(COMPILE_CACHE_DIR, { recursive: true, force: true });
  const skipCache = { NX_SKIP_NX_CACHE: 'true' };
  for (let i = 1; i <= runs; i++) {
    const compileCache = existsSync(COMPILE_CACHE_DIR) ? 'warm' : 'empty';
    const measured = await withSharedPostgres(async (postgres) => {
      const env = { ...postgres, ...skipCache };
      const started = performance.now();
      const scheduled = await runLayers(selectedLayers(), { env, run: (layer, options) => runLayer(layer, { ...options, sink: undefined, quiet: true }), print: () => undefined });
      const scheduledSeconds = (performance.now() - started) / 1000;
      console.log(`run ${i}/${runs} (compile cache ${compileCache}) npm test, layers side by side: ${scheduled.every((o) => o.ok) ? 'ok' : 'FAILED'}, ${scheduled.reduce((n, o) => n + o.passed, 0)} tests, ${fmt(scheduledSeconds)} s`);
      if (!scheduled.every((o) => o.ok)) return undefined;
      const outcomes: TimedOutcome[] = [];
      for (const layer of selectedLayers()) {
        const cpuBefore = childrenCpuSeconds();
        const outcome = await runLayer(layer, { quiet: true, env });
        const cpuAfter = childrenCpuSeconds();
        const cpuSeconds = cpuBefore === null || cpuAfter === null ? null : cpuAfter - cpuBefore;
        outcomes.push({ ...outcome, cpuSeconds });
        console.log(`run ${i}/${runs} ${layer.name} alone: ${outcome.ok ? 'ok' : 'FAILED'}, ${outcome.passed} tests, ${fmt(outcome.seconds)} s, CPU ${cpuSeconds === null ? '—' : fmt(cpuSeconds)} s`);
        if (!outcome.ok) return undefined;
      }
      return { scheduledSeconds, scheduled, outcomes };
    }, needsPostgres(selectedLayers()));
    if (!measured) {
      console.error('bench:suite: a layer failed; no figures are written');
      process.exit(2);
    }
    const emptyAvaFileSeconds = timeEmptyAvaFile();
    console.log(`run ${i}/${runs} floor: empty AVA test file ${emptyAvaFileSeconds.toFixed(2)} s`);
    perRun.push({ compileCache, ...measured, emptyAvaFileSeconds });
  }
  const totals = perRun.map((r) => r.outcomes.reduce((sum, o) => sum + o.seconds, 0));
  const scheduled = perRun.map((r) => r.scheduledSeconds);
  const workers = countUnitWorkers();
  const report: BenchReport = {
    date: new Date().toISOString(),
    machine,
    runs,
    layers: summarise(perRun.map((r) => r.outcomes)),
    total: { median: median(totals), min: Math.min(...totals), max: Math.max(...totals) },
    scheduled: { median: median(scheduled), min: Math.min(...scheduled), max: Math.max(...scheduled) },
    floor: { emptyAvaFileSeconds: median(perRun.map((r) => r.emptyAvaFileSeconds)), avaProcessesInUnitLayer: workers.processes, avaWorkersInUnitLayer: workers.workers },
    perRun,
  };
  mkdirSync(RESULTS_DIR, { recursive: true });
  writeFileSync(join(RESULTS_DIR, 'bench.json'), `${JSON.stringify(report, null, 2)}\n`);
  const markdown = formatMarkdown(report);
  writeFileSync(join(RESULTS_DIR, 'bench.md'), markdown);
  console.log(`\n${markdown}\nwritten: ${join('perf', 'results', 'suite', 'bench.md')} and bench.json`);
}

if (import.meta.main) await main();
