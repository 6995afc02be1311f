import { pathToFileURL } from 'node:url';
import { runSpecsTogether } from '../suite.ts';
import { decodePlan, PLAN_ENV } from './plan.ts';

/** Imports the specs of every project the plan gives slot `slot` (1-based) into this worker, titled by project. */
export async function runSlot(slot: number): Promise<void> {
  const projects = decodePlan(process.env[PLAN_ENV])[slot - 1] ?? [];
  for (const project of projects) await runSpecsTogether(pathToFileURL(`${project.root}/src/`), project.name);
}
