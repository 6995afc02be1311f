import test from 'ava';
import { appendFileSync } from 'node:fs';
import { isMainThread } from 'node:worker_threads';
import { declareWithSpecs, declaringTogether, runSpecsTogether } from '../suite.ts';
import { CPU_FILE_ENV, decodePlan, PLAN_ENV } from './plan.ts';

/** CPU seconds of this worker: its thread, or its whole process when the worker is a process of its own. */
function workerCpuSeconds(): number {
  const used = isMainThread ? process.cpuUsage() : process.threadCpuUsage();
  return (used.user + used.system) / 1e6;
}

/**
 * Imports the specs of every task the plan gives slot `slot` (1-based) into this worker, titled by task; AVA gets
 * their tests once all are imported (declaringTogether). With LEDGERLINE_AVA_CPU_FILE set, the worker appends one
 * JSON line to that file once its tests are done: its tasks and the CPU seconds it spent on them, imports included
 * (what `npm run bench:weights` records as a task's weight).
 */
export async function runSlot(slot: number): Promise<void> {
  const tasks = decodePlan(process.env[PLAN_ENV])[slot - 1] ?? [];
  const cpuFile = process.env[CPU_FILE_ENV];
  const started = workerCpuSeconds();
  await declaringTogether(async () => {
    for (const task of tasks) await runSpecsTogether(task.root, task.specs, task.name);
    if (cpuFile) {
      declareWithSpecs(() =>
        test.after.always('record the CPU this worker spent', () => {
          appendFileSync(cpuFile, `${JSON.stringify({ tasks: tasks.map((task) => task.name), cpuSeconds: workerCpuSeconds() - started })}\n`);
        }),
      );
    }
  });
}
