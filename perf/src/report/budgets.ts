import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ScaleName } from '../options.ts';
import type { ScenarioResult } from './results.ts';

export const BUDGETS_FILE = resolve(fileURLToPath(new URL('../../budgets.json', import.meta.url)));

/**
 * A scenario's budget: at least minRps requests/s, p99 at most maxP99Ms, error rate at most maxErrorRate, and
 * optionally at most maxCpuMsPerRequest of service CPU per request (all services together, the load generator
 * excluded): the budget that other load on a shared machine disturbs least, so it catches a regression such as an
 * extra query per request even when req/s and latency are noisy.
 */
export interface Budget {
  minRps: number;
  maxP99Ms: number;
  maxErrorRate: number;
  maxCpuMsPerRequest?: number;
  /**
   * The least median ratio of req/s to each reference (by name, e.g. `ref-orm-pk-read`), measured interleaved:
   * a slower machine slows both sides and keeps it, a real regression breaks it.
   */
  minRatio?: Record<string, number>;
}

export interface BudgetFile {
  /** Budgets per scenario, for every scale. */
  scenarios: Record<string, Budget>;
  /** Per-scale overrides of some fields of some scenarios (larger data may be allowed to be slower). */
  scales?: Partial<Record<ScaleName, Record<string, Partial<Budget>>>>;
}

export interface BudgetViolation {
  scenario: string;
  metric: 'rps' | 'ratio' | 'p99' | 'errorRate' | 'cpu' | 'pendingTradesAtEnd';
  budget: number;
  actual: number;
  /** How far over budget, in percent of the budget (or in percentage points for error rate). */
  over: string;
  message: string;
}

export function readBudgets(file = BUDGETS_FILE): BudgetFile {
  return JSON.parse(readFileSync(file, 'utf8')) as BudgetFile;
}

/** The budget a scenario has at a scale (scale overrides applied), or undefined when it has none. */
export function budgetFor(budgets: BudgetFile, scale: ScaleName, scenario: string): Budget | undefined {
  const base = budgets.scenarios[scenario];
  return base ? { ...base, ...budgets.scales?.[scale]?.[scenario] } : undefined;
}

const pct = (value: number) => `${value.toFixed(1)}%`;

/** Every budget the results break, with by how much. A scenario without a budget breaks none. */
export function checkBudgets(budgets: BudgetFile, scale: ScaleName, results: ScenarioResult[]): BudgetViolation[] {
  const violations: BudgetViolation[] = [];
  for (const result of results) {
    const budget = budgetFor(budgets, scale, result.name);
    if (!budget) continue;
    if (result.rps < budget.minRps) {
      const over = pct(((budget.minRps - result.rps) / budget.minRps) * 100);
      violations.push({ scenario: result.name, metric: 'rps', budget: budget.minRps, actual: result.rps, over, message: `${result.name}: ${result.rps} req/s is below the budget of ${budget.minRps} req/s (${over} short)` });
    }
    for (const [reference, min] of Object.entries(budget.minRatio ?? {})) {
      const actual = result.ratios?.[reference]?.median;
      if (actual === undefined || actual >= min) continue;
      const over = pct(((min - actual) / min) * 100);
      violations.push({ scenario: result.name, metric: 'ratio', budget: min, actual, over, message: `${result.name}: ${actual.toFixed(3)}× ${reference} (median of ${result.ratios![reference].values.length} rounds) is below the budget of ${min}× (${over} short)` });
    }
    if (result.latencyMs.p99 > budget.maxP99Ms) {
      const over = pct(((result.latencyMs.p99 - budget.maxP99Ms) / budget.maxP99Ms) * 100);
      violations.push({ scenario: result.name, metric: 'p99', budget: budget.maxP99Ms, actual: result.latencyMs.p99, over, message: `${result.name}: p99 ${result.latencyMs.p99} ms is over the budget of ${budget.maxP99Ms} ms (${over} over)` });
    }
    if (result.errorRate > budget.maxErrorRate) {
      const over = `${((result.errorRate - budget.maxErrorRate) * 100).toFixed(3)} points`;
      violations.push({ scenario: result.name, metric: 'errorRate', budget: budget.maxErrorRate, actual: result.errorRate, over, message: `${result.name}: error rate ${(result.errorRate * 100).toFixed(3)}% is over the budget of ${(budget.maxErrorRate * 100).toFixed(3)}% (${over} over; ${JSON.stringify(result.errors)})` });
    }
    const cpu = serviceCpuMsPerRequest(result);
    if (budget.maxCpuMsPerRequest !== undefined && cpu !== undefined && cpu > budget.maxCpuMsPerRequest) {
      const over = pct(((cpu - budget.maxCpuMsPerRequest) / budget.maxCpuMsPerRequest) * 100);
      violations.push({ scenario: result.name, metric: 'cpu', budget: budget.maxCpuMsPerRequest, actual: cpu, over, message: `${result.name}: ${cpu} ms of service CPU per request is over the budget of ${budget.maxCpuMsPerRequest} ms (${over} over; ${JSON.stringify(result.cpu?.msPerRequest)})` });
    }
  }
  return violations;
}

/** CPU ms per request of every service together (not the load generator), or undefined where /proc is missing. */
export function serviceCpuMsPerRequest(result: ScenarioResult): number | undefined {
  const perRequest = result.cpu?.msPerRequest;
  if (!perRequest || Object.keys(perRequest).length <= 1) return undefined;
  const total = Object.entries(perRequest).filter(([name]) => name !== 'loadgen').reduce((sum, [, ms]) => sum + ms, 0);
  return Math.round(total * 100) / 100;
}
