/**
 * How a batch (./executor.ts) spreads its tasks over AVA workers: one worker per core (two here), each taking whole
 * tasks, heaviest first, onto the lighter worker. A task's weight is the size of its spec files, a cheap stand-in
 * for the CPU its tests take.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
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

/** The environment variable that hands the plan to the AVA config and the slot suites. */
export const PLAN_ENV = 'LEDGERLINE_AVA_PLAN';

export function encodePlan(slots: BatchTask[][]): string {
  return JSON.stringify(slots);
}

export function decodePlan(value: string | undefined): BatchTask[][] {
  if (!value) throw new Error(`${PLAN_ENV} is not set: run the unit and contract layers through Nx (npx nx test <project>, npm test)`);
  return JSON.parse(value) as BatchTask[][];
}
