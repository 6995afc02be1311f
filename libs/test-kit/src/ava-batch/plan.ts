/**
 * How a batch (./executor.ts) spreads its tasks over AVA workers: one worker per core (two here), each taking whole
 * tasks, heaviest first, onto the lighter worker. A task's weight is the CPU its specs took in a worker of their own
 * (./weights.json, measured by `npm run bench:weights`); when a task of the batch has no measured weight, every task
 * weighs the size of its spec files instead, a cheap stand-in that never mixes units with the measured seconds. Spec
 * bytes alone left the unit layer's workers 2 s of CPU apart (a service's specs cost five to ten times a library's per
 * byte), one core idle while the other finished.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findSpecs } from '../suite.ts';

export interface BatchTask {
  /** What leads every title of the task's tests: the project (`portfolio`), or `project:target` (`gateway:pact`). */
  name: string;
  /** The project's folder, absolute. */
  root: string;
  /** The glob of its spec files, relative to root (`src/**\/*.test.ts`). */
  specs: string;
  /** AVA's timeout for them (`120s`); the project's package.json `ava.timeout` when unset. */
  timeout?: string;
  /** False: the task's specs must not share a process with another slot's (see `workerThreadsFor`). */
  workerThreads?: boolean;
}

/** The worker slots there are suite files for (./worker-N.ts). */
export const SLOTS = 2;

/** Bytes of the task's spec files. */
export function specWeight(task: Pick<BatchTask, 'root' | 'specs'>): number {
  const { base, files } = findSpecs(task.root, task.specs);
  return files.reduce((sum, spec) => sum + readFileSync(join(task.root, base, spec)).length, 0);
}

/** A task's title label: its project for `test`, `project:target` for the others (a batch may hold both). */
export function taskLabel(project: string, target: string): string {
  return target === 'test' ? project : `${project}:${target}`;
}

/** Seconds of CPU each task (by name: `portfolio`, `gateway:pact`) took in a worker of its own. */
export type Weights = Record<string, number>;

/** Where the measured weights are kept (written by libs/workspace-tools/src/bench-weights.ts). */
export const WEIGHTS_FILE = fileURLToPath(new URL('./weights.json', import.meta.url));

export function loadWeights(file = WEIGHTS_FILE): Weights {
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Weights) : {};
}

/**
 * How the batch's tasks are weighed: by their measured CPU when every one of them has a weight, else all by their spec
 * bytes; `missing` names the tasks without a weight (the executor says so, with the command that measures them).
 */
export function batchWeight(tasks: BatchTask[], weights: Weights, bytes: (task: BatchTask) => number = specWeight): { weight: (task: BatchTask) => number; missing: string[] } {
  const missing = tasks.filter((task) => !(weights[task.name] > 0)).map((task) => task.name);
  return { weight: missing.length === 0 ? (task) => weights[task.name] : bytes, missing };
}

/** Tasks → at most `slots` groups, each non-empty, balanced by weight (greedy, heaviest first; ties by name). */
export function planSlots<P extends BatchTask>(projects: P[], weight: (p: P) => number, slots = SLOTS): P[][] {
  const weighed = projects.map((p) => ({ p, w: weight(p) })).sort((a, b) => b.w - a.w || a.p.name.localeCompare(b.p.name));
  const groups = Array.from({ length: Math.min(slots, projects.length) }, () => ({ projects: [] as P[], w: 0 }));
  for (const { p, w } of weighed) {
    const lightest = groups.reduce((min, g) => (g.w < min.w ? g : min));
    lightest.projects.push(p);
    lightest.w += w;
  }
  return groups.map((g) => g.projects.sort((a, b) => a.name.localeCompare(b.name)));
}

/**
 * Whether the batch's workers may be threads of one process (AVA's `workerThreads`, the default) or must each be a
 * process of their own: the latter when any task says `workerThreads: false`. Pact's core (its Rust FFI library) is
 * loaded once per process and is not safe to drive from two threads at once: two provider verifications running
 * side by side in one process's two worker threads crashed it ("memory allocation of 140381229054168 bytes failed"),
 * after one verification's provider-state call reached the other's handlers. The pact and contract targets set it.
 */
export function workerThreadsFor(slots: BatchTask[][]): boolean {
  return slots.flat().every((task) => task.workerThreads !== false);
}

/** Set to a file: each worker appends a line with its tasks and the CPU seconds they took (./slot.ts). */
export const CPU_FILE_ENV = 'LEDGERLINE_AVA_CPU_FILE';

/** The environment variable that hands the plan to the AVA config and the slot suites. */
export const PLAN_ENV = 'LEDGERLINE_AVA_PLAN';

export function encodePlan(slots: BatchTask[][]): string {
  return JSON.stringify(slots);
}

export function decodePlan(value: string | undefined): BatchTask[][] {
  if (!value) throw new Error(`${PLAN_ENV} is not set: run the unit and contract layers through Nx (npx nx test <project>, npm test)`);
  return JSON.parse(value) as BatchTask[][];
}
