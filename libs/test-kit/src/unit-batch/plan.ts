/**
 * How the unit layer's batch (./executor.ts) spreads projects over AVA workers: one worker per core (two here),
 * each taking whole projects, heaviest first, onto the lighter worker. A project's weight is the size of its spec
 * files, a cheap stand-in for the CPU its tests take.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findSpecs } from '../suite.ts';

export interface UnitProject {
  /** The Nx project name: it leads every title of the project's tests. */
  name: string;
  /** Its folder, absolute; its specs are `src/**\/*.test.ts`. */
  root: string;
}

/** The worker slots there are suite files for (./worker-N.ts). */
export const SLOTS = 2;

/** Bytes of the project's spec files. */
export function specWeight(root: string): number {
  const src = join(root, 'src');
  return findSpecs(src).reduce((sum, spec) => sum + readFileSync(join(src, spec)).length, 0);
}

/** Projects → at most `slots` groups, each non-empty, balanced by weight (greedy, heaviest first; ties by name). */
export function planSlots<P extends UnitProject>(projects: P[], weight: (p: P) => number, slots = SLOTS): P[][] {
  const weighed = projects.map((p) => ({ p, w: weight(p) })).sort((a, b) => b.w - a.w || a.p.name.localeCompare(b.p.name));
  const groups = Array.from({ length: Math.min(slots, projects.length) }, () => ({ projects: [] as P[], w: 0 }));
  for (const { p, w } of weighed) {
    const lightest = groups.reduce((min, g) => (g.w < min.w ? g : min));
    lightest.projects.push(p);
    lightest.w += w;
  }
  return groups.map((g) => g.projects.sort((a, b) => a.name.localeCompare(b.name)));
}

/** The environment variable that hands the plan to the AVA config and the slot suites. */
export const PLAN_ENV = 'LEDGERLINE_UNIT_PLAN';

export function encodePlan(slots: UnitProject[][]): string {
  return JSON.stringify(slots);
}

export function decodePlan(value: string | undefined): UnitProject[][] {
  if (!value) throw new Error(`${PLAN_ENV} is not set: run the unit layer through Nx (npx nx test <project>, npm test)`);
  return JSON.parse(value) as UnitProject[][];
}
