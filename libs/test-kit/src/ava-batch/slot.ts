import { declaringTogether, runSpecsTogether } from '../suite.ts';
import { decodePlan, PLAN_ENV } from './plan.ts';

/**
 * Imports the specs of every task the plan gives slot `slot` (1-based) into this worker, titled by task; AVA gets
 * their tests once all are imported (declaringTogether).
 */
export async function runSlot(slot: number): Promise<void> {
  const tasks = decodePlan(process.env[PLAN_ENV])[slot - 1] ?? [];
  await declaringTogether(async () => {
    for (const task of tasks) await runSpecsTogether(task.root, task.specs, task.name);
  });
}
