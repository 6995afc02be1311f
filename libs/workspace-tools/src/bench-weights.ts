/**
 * `npm run bench:weights [-- --runs N]`: measures what each task of the AVA layers costs, for the batch planner
 * (libs/test-kit/src/ava-batch/plan.ts), and writes libs/test-kit/src/ava-batch/weights.json. Each task of every
 * target the batch executor runs (`test`, `pact`, `contract`, `migrations`, `system`, `resilience`) runs alone
 * through Nx, cache skipped, N times (default 3), with LEDGERLINE_AVA_CPU_FILE set: its worker records the CPU seconds its specs took, imports included. A task's
 * weight is the median of its runs. The layers' processes share one throwaway PostgreSQL cluster, as in `npm test`.
 * Run it after adding a project or moving many tests; until then a batch holding a task without a weight is planned
 * by spec bytes, and says so.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { withCompileCache } from '@ledgerline/test-kit/compile-cache';
import { CPU_FILE_ENV, taskLabel, WEIGHTS_FILE, type Weights } from '@ledgerline/test-kit/ava-batch';
import { REPO_ROOT } from './discover.ts';
import { nxEnv } from './nx-env.ts';
import { withSharedPostgres } from './test-all.ts';

const BATCH_EXECUTOR = '@ledgerline/test-kit:ava';

/** The targets the batch executor runs: those nx.json's targetDefaults give it (test, pact, contract, migrations…). */
export function batchTargets(nxJson: { targetDefaults?: Record<string, { executor?: string }> }): string[] {
  return Object.entries(nxJson.targetDefaults ?? {})
    .filter(([, target]) => target.executor === BATCH_EXECUTOR)
    .map(([name]) => name);
}

export interface CpuRecord {
  tasks: string[];
  cpuSeconds: number;
}

/** The worker's record for a task run alone (the one naming exactly that task), from the file's JSON lines. */
export function taskCpu(lines: string, task: string): number {
  const records = lines
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as CpuRecord)
    .filter((record) => record.tasks.length === 1 && record.tasks[0] === task);
  if (records.length !== 1) throw new Error(`expected one CPU record for ${task}, found ${records.length}`);
  return records[0].cpuSeconds;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** The weights as written: names sorted, seconds to the hundredth (at least 0.01: a weight is never zero). */
export function formatWeights(weights: Weights): string {
  const sorted = Object.fromEntries(Object.keys(weights).sort().map((name) => [name, Math.max(0.01, Math.round(weights[name] * 100) / 100)]));
  return `${JSON.stringify(sorted, null, 2)}\n`;
}

/** Runs a command to its end without holding this process (the run's PostgreSQL cluster is started from it). */
function runToEnd(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<{ status: number | null; stdout: string; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      output += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('close', (status) => resolve({ status, stdout, output }));
  });
}

async function projectsWith(target: string, env: NodeJS.ProcessEnv): Promise<string[]> {
  const result = await runToEnd('nx', ['show', 'projects', '--with-target', target, '--json'], { ...env, NX_TUI: 'false' });
  if (result.status !== 0) throw new Error(`nx show projects failed: ${result.output}`);
  return (JSON.parse(result.stdout) as string[]).sort();
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { runs: { type: 'string', default: '3' } } });
  const runs = Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs must be a whole number of at least 1, not ${values.runs}`);
  const temp = mkdtempSync(join(tmpdir(), 'ledgerline-weights-'));
  try {
    const weights: Weights = {};
    await withSharedPostgres(async (postgres) => {
      const env = nxEnv(withCompileCache({ ...process.env, ...postgres, NX_SKIP_NX_CACHE: 'true', NX_DAEMON: 'false' }));
      for (const target of batchTargets(JSON.parse(readFileSync(join(REPO_ROOT, 'nx.json'), 'utf8')))) {
        for (const project of await projectsWith(target, env)) {
          const label = taskLabel(project, target);
          const seconds: number[] = [];
          for (let run = 0; run < runs; run++) {
            const file = join(temp, `${label.replace(':', '-')}-${run}.jsonl`);
            const result = await runToEnd('nx', ['run', `${project}:${target}`, '--exclude-task-dependencies', '--outputStyle=static'], { ...env, [CPU_FILE_ENV]: file });
            if (result.status !== 0) throw new Error(`${project}:${target} failed, so it cannot be weighed:\n${result.output}`);
            // No record: the target is not one the AVA batch runs (web's contract target only publishes its pact).
            if (!existsSync(file)) break;
            seconds.push(taskCpu(readFileSync(file, 'utf8'), label));
            rmSync(file);
          }
          if (seconds.length === 0) continue;
          weights[label] = median(seconds);
          console.log(`${label.padEnd(28)} ${median(seconds).toFixed(2)} s of CPU (runs: ${seconds.map((s) => s.toFixed(2)).join(', ')})`);
        }
      }
    });
    writeFileSync(WEIGHTS_FILE, formatWeights(weights));
    console.log(`wrote ${WEIGHTS_FILE}`);
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
}

if (import.meta.main) await main();
