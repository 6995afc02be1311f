/**
 * The unit layer's Nx executor (`@ledgerline/test-kit:unit`, the `test` target of every project, set once in
 * nx.json). Nx hands it every `test` task of a run at once (a batch: `preferBatch` in ../../executors.json), and
 * it runs them all in ONE AVA process with one worker per core, each worker importing whole projects' specs
 * (./plan.ts, ./slot.ts, ../suite.ts). Nx still caches and reports each project's task on its own.
 *
 * Why: an AVA process and its worker cost about 1.5 s of CPU before the first test (AVA, MikroORM, Koa, zod,
 * supertest… imported again). Sixteen projects paid it sixteen times; a batch pays it once per worker.
 *
 * Results: when AVA passes, every task in the batch passed. When it fails, every task in the batch is reported
 * failed (nothing is cached as passing that did not pass: a crash or a timeout cannot always be pinned to one
 * project); the failing tests' titles start with their project, and the summary line names those projects.
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { encodePlan, planSlots, PLAN_ENV, specWeight, type UnitProject } from './plan.ts';

export interface Context {
  root: string;
  projectName?: string;
  projectsConfigurations: { projects: Record<string, { root: string }> };
}
export interface Task {
  id: string;
  target: { project: string };
}
interface TaskResult {
  success: boolean;
  terminalOutput: string;
  startTime: number;
  endTime: number;
}

const CONFIG = fileURLToPath(new URL('./ava.config.ts', import.meta.url));
/** AVA's command line (its package's `bin`), next to its main entry point. */
const AVA_CLI = join(dirname(createRequire(import.meta.url).resolve('ava')), 'cli.js');

/** A reporter line's project: the title's first segment, after AVA's `[fail]:` and the worker's file if any. */
export function lineProject(line: string): string | undefined {
  // eslint-disable-next-line no-control-regex
  return /^\s*[✔✘-] (?:\[[a-z ]+\]: )?(?:worker-\d+ › )?(\S+) › /.exec(line.replace(/\u001b\[[0-9;]*m/g, ''))?.[1];
}

/** The projects of failing tests (`✘ [fail]: worker-1 › portfolio › …`), in order of appearance. */
export function failingProjects(output: string, names: string[]): string[] {
  const found = new Set<string>();
  for (const line of output.split('\n')) {
    const project = line.includes('✘') ? lineProject(line) : undefined;
    if (project && names.includes(project)) found.add(project);
  }
  return [...found];
}

/** What Nx keeps as one project's output: its own test lines and their count. */
export function projectOutput(output: string, name: string): string {
  // eslint-disable-next-line no-control-regex
  const lines = output.replace(/\u001b\[[0-9;]*m/g, '').split('\n').filter((line) => line.includes('✔') && lineProject(line) === name);
  return `${lines.join('\n')}\n\n  ${lines.length} ${lines.length === 1 ? 'test' : 'tests'} passed (${name}, in a unit batch)\n`;
}

/**
 * Runs the projects' unit specs in one AVA process from the workspace root; resolves with AVA's success and its
 * whole output, which also goes to this process's stdout and stderr unless `echo` is false.
 */
export function runBatch(projects: UnitProject[], root: string, echo = true): Promise<{ success: boolean; output: string }> {
  const slots = planSlots(projects, (p) => specWeight(p.root));
  if (echo) console.log(`unit batch: ${slots.map((s, i) => `worker ${i + 1}: ${s.map((p) => p.name).join(', ')}`).join('; ')}`);
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [AVA_CLI, '--config', CONFIG], {
      cwd: root,
      env: { ...process.env, [PLAN_ENV]: encodePlan(slots) },
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

function unitProject(name: string, context: Context): UnitProject {
  return { name, root: resolve(context.root, context.projectsConfigurations.projects[name].root) };
}

/** The results Nx gets for a batch of tasks (see the header for the rule). */
export async function batchResults(tasks: Task[], context: Context, echo = true): Promise<Record<string, TaskResult>> {
  const startTime = Date.now();
  const names = tasks.map((t) => t.target.project);
  const { success, output } = await runBatch(names.map((n) => unitProject(n, context)), context.root, echo);
  const endTime = Date.now();
  const failing = success ? [] : failingProjects(output, names);
  if (!success && echo) {
    console.error(`unit batch failed: ${failing.length ? `failing tests in ${failing.join(', ')}` : 'AVA did not finish (see above)'}; every task of this batch is reported failed`);
  }
  return Object.fromEntries(
    tasks.map((t) => [t.id, { success, terminalOutput: success ? projectOutput(output, t.target.project) : output, startTime, endTime }]),
  );
}

/** Nx's batch entry: every `test` task of the run. */
export function unitBatch(taskGraph: { tasks: Record<string, Task> }, _inputs: unknown, _overrides: unknown, context: Context): Promise<Record<string, TaskResult>> {
  return batchResults(Object.values(taskGraph.tasks), context);
}

/** Nx's single-task entry (a run with batching turned off): the same, for one project. */
export default async function unitTest(_options: unknown, context: Context): Promise<{ success: boolean }> {
  const { success } = await runBatch([unitProject(context.projectName!, context)], context.root);
  return { success };
}
