/**
 * The Nx executor of the AVA layers (`@ledgerline/test-kit:ava`, set once in nx.json): `test` (the unit specs,
 * `src/**\/*.test.ts`), `pact` (the consumer tests) and `contract` (the provider verifications) differ only in
 * their `specs` glob. Nx hands it every task of a target that is ready at once (a batch: `preferBatch` in
 * ../../executors.json), and it runs them all in ONE AVA process with one worker per core, each worker importing
 * whole tasks' specs (./plan.ts, ./slot.ts, ../suite.ts). Nx still caches and reports each task on its own.
 *
 * Why: an AVA process and its worker cost about 1.5 s of CPU before the first test (AVA, MikroORM, Koa, zod,
 * supertest, Pact's core… imported again). Sixteen unit projects paid it sixteen times, and eight consumer test
 * files eight times; a batch pays it once per worker.
 *
 * Results: when AVA passes, every task in the batch passed. When it fails, every task in the batch is reported
 * failed (nothing is cached as passing that did not pass: a crash or a timeout cannot always be pinned to one
 * task); the failing tests' titles start with their task, and the summary line names those tasks.
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { batchWeight, encodePlan, loadWeights, planSlots, PLAN_ENV, taskLabel, type BatchTask } from './plan.ts';

export { taskLabel };

export interface Context {
  root: string;
  projectName?: string;
  projectsConfigurations: { projects: Record<string, { root: string }> };
}
export interface Task {
  id: string;
  target: { project: string; target: string };
}
/** The executor's options (./schema.json). */
export interface AvaOptions {
  /** The spec files, a glob relative to the project's root. */
  specs: string;
  /** AVA's timeout for these specs (`120s`); the project's package.json `ava.timeout` when unset. */
  timeout?: string;
  /** False: the batch's workers are processes, not threads of one process (./plan.ts `workerThreadsFor`). */
  workerThreads?: boolean;
}
export const DEFAULT_SPECS = 'src/**/*.test.ts';
interface TaskResult {
  success: boolean;
  terminalOutput: string;
  startTime: number;
  endTime: number;
}

const CONFIG = fileURLToPath(new URL('./ava.config.ts', import.meta.url));
/** AVA's command line (its package's `bin`), next to its main entry point. */
const AVA_CLI = join(dirname(createRequire(import.meta.url).resolve('ava')), 'cli.js');

/** AVA's output without its colours. */
function plain(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\u001b\[[0-9;]*m/g, '');
}

/** A reporter line's task: the title's first segment, after AVA's `[fail]:` and the worker's file if any. */
export function lineProject(line: string): string | undefined {
  return /^\s*[✔✘-] (?:\[[a-z ]+\]: )?(?:worker-\d+ › )?(\S+) › /.exec(plain(line))?.[1];
}

/** The tasks of failing tests (`✘ [fail]: worker-1 › portfolio › …`), in order of appearance. */
export function failingProjects(output: string, names: string[]): string[] {
  const found = new Set<string>();
  for (const line of output.split('\n')) {
    const project = line.includes('✘') ? lineProject(line) : undefined;
    if (project && names.includes(project)) found.add(project);
  }
  return [...found];
}

/** What Nx keeps as one task's output: its own test lines and their count. */
export function projectOutput(output: string, name: string): string {
  const lines = plain(output).split('\n').filter((line) => line.includes('✔') && lineProject(line) === name);
  return `${lines.join('\n')}\n\n  ${lines.length} ${lines.length === 1 ? 'test' : 'tests'} passed (${name}, in a batch)\n`;
}

/**
 * Runs the tasks' specs in one AVA process from the workspace root; resolves with AVA's success and its whole
 * output, which also goes to this process's stdout and stderr unless `echo` is false.
 */
export function runBatch(tasks: BatchTask[], root: string, echo = true, env: NodeJS.ProcessEnv = {}): Promise<{ success: boolean; output: string }> {
  const { weight, missing } = batchWeight(tasks, loadWeights());
  const slots = planSlots(tasks, weight);
  if (echo) {
    const by = missing.length === 0 || tasks.length === 1 ? '' : ` (planned by spec bytes: no measured weight for ${missing.join(', ')}; npm run bench:weights measures them)`;
    console.log(`AVA batch: ${slots.map((s, i) => `worker ${i + 1}: ${s.map((p) => p.name).join(', ')}`).join('; ')}${by}`);
  }
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [AVA_CLI, '--config', CONFIG], {
      cwd: root,
      env: { ...process.env, ...env, [PLAN_ENV]: encodePlan(slots) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (echo) process.stdout.write(chunk);
    });
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (echo) process.stderr.write(chunk);
    });
    child.on('close', (code) => resolve({ success: code === 0, output }));
  });
}


function batchTask(project: string, target: string, options: Partial<AvaOptions> | undefined, context: Context): BatchTask {
  return {
    name: taskLabel(project, target),
    root: resolve(context.root, context.projectsConfigurations.projects[project].root),
    specs: options?.specs ?? DEFAULT_SPECS,
    ...(options?.timeout ? { timeout: options.timeout } : {}),
    ...(options?.workerThreads === false ? { workerThreads: false } : {}),
  };
}

/** The results Nx gets for a batch of tasks (see the header for the rule). */
export async function batchResults(tasks: Task[], options: Record<string, Partial<AvaOptions>>, context: Context, echo = true, env: NodeJS.ProcessEnv = {}): Promise<Record<string, TaskResult>> {
  const startTime = Date.now();
  const batch = tasks.map((t) => batchTask(t.target.project, t.target.target, options[t.id], context));
  const names = batch.map((b) => b.name);
  const { success, output } = await runBatch(batch, context.root, echo, env);
  const endTime = Date.now();
  const failing = success ? [] : failingProjects(output, names);
  if (!success && echo) {
    console.error(`AVA batch failed: ${failing.length ? `failing tests in ${failing.join(', ')}` : 'AVA did not finish (see above)'}; every task of this batch is reported failed`);
  }
  return Object.fromEntries(
    tasks.map((t, i) => [t.id, { success, terminalOutput: success ? projectOutput(output, names[i]) : output, startTime, endTime }]),
  );
}

/**
 * The batch's tasks in waves: each wave holds the tasks whose dependencies inside the batch ran in an earlier wave
 * (Nx puts a task and the tasks it depends on that use this executor in one batch: `contract` and the `pact` tasks
 * it needs). Dependencies outside the batch have already run.
 */
export function waves(taskGraph: { tasks: Record<string, Task>; dependencies?: Record<string, string[]> }): Task[][] {
  const ids = Object.keys(taskGraph.tasks);
  const done = new Set<string>();
  const result: Task[][] = [];
  while (done.size < ids.length) {
    const ready = ids.filter((id) => !done.has(id) && (taskGraph.dependencies?.[id] ?? []).every((dep) => done.has(dep) || !taskGraph.tasks[dep]));
    if (ready.length === 0) throw new Error(`AVA batch: the tasks ${ids.filter((id) => !done.has(id)).join(', ')} depend on each other in a cycle`);
    for (const id of ready) done.add(id);
    result.push(ready.map((id) => taskGraph.tasks[id]));
  }
  return result;
}

/**
 * Nx's batch entry: every task of the run that uses this executor and is ready, with each task's options; one AVA
 * process per wave (see waves). After a failed wave the tasks that depend on it are reported failed without
 * running. The results go back all at once: Nx then prints each task's own output only when it replays it from
 * the cache, so the live run shows AVA's one summary and a layer's test count is never doubled.
 */
export async function avaBatch(
  taskGraph: { tasks: Record<string, Task>; dependencies?: Record<string, string[]> },
  inputs: Record<string, Partial<AvaOptions>>,
  _overrides: unknown,
  context: Context,
): Promise<Record<string, TaskResult>> {
  const all: Record<string, TaskResult> = {};
  for (const wave of waves(taskGraph)) {
    if (Object.values(all).some((r) => !r.success)) {
      const now = Date.now();
      for (const t of wave) all[t.id] = { success: false, terminalOutput: 'not run: a task it depends on failed\n', startTime: now, endTime: now };
      continue;
    }
    Object.assign(all, await batchResults(wave, inputs, context));
  }
  return all;
}

/** Nx's single-task entry (a run with batching turned off): the same, for one task. */
export default async function avaTask(options: Partial<AvaOptions>, context: Context & { targetName?: string }): Promise<{ success: boolean }> {
  const { success } = await runBatch([batchTask(context.projectName!, context.targetName ?? 'test', options, context)], context.root);
  return { success };
}
