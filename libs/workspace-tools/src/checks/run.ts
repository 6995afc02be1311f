/**
 * The guardrails, as one CI step: `node libs/workspace-tools/src/checks/run.ts [--root <dir>] [--temp-before <file>]`.
 * Runs every repo check, prints each violation as `file:line rule — message`, then
 * `guardrails: N checks, M violations`, and exits 1 on any violation.
 * `--temp-before <file>` adds the temp-leftover check against a listing taken before a test run (one entry a line,
 * e.g. `find "$TMPDIR" -maxdepth 1 -name 'ledgerline-*'`); `--temp-snapshot` prints such a listing and exits.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { REPO_ROOT } from '../discover.ts';
import { checkNoCrossServiceImports } from './no-cross-service-imports.ts';
import { checkNoDevDataInTests } from './no-dev-data-in-tests.ts';
import { checkNoModuleLevelInstances } from './no-module-level-instances.ts';
import { checkOneEntityPerTable } from './one-entity-per-table.ts';
import { checkMigratedSchema } from './migrated-schema.ts';
import { checkNoBlockingUnitSpecs } from './no-blocking-unit-specs.ts';
import { findTempLeftovers, listTempEntries } from './no-temp-leftovers.ts';
import { formatViolation, sortViolations, type Check, type Violation } from './violation.ts';

/** The checks that read the repo tree, by rule name. */
export const REPO_CHECKS: Record<string, Check> = {
  'no-dev-data-in-tests': checkNoDevDataInTests,
  'one-entity-per-table': checkOneEntityPerTable,
  'no-cross-service-imports': checkNoCrossServiceImports,
  'no-module-level-instances': checkNoModuleLevelInstances,
  'migrated-schema': checkMigratedSchema,
  'no-blocking-unit-specs': checkNoBlockingUnitSpecs,
};

export interface GuardrailResult {
  checks: number;
  violations: Violation[];
}

/** Every repo check on `root`; with `tempBefore`, also the temp dir compared with that earlier listing. */
export function runGuardrails(root: string, options: { tempBefore?: string[]; tempAfter?: string[] } = {}): GuardrailResult {
  const violations = Object.values(REPO_CHECKS).flatMap((check) => check(root));
  let checks = Object.keys(REPO_CHECKS).length;
  if (options.tempBefore) {
    checks += 1;
    violations.push(...findTempLeftovers(options.tempBefore, options.tempAfter ?? listTempEntries()));
  }
  return { checks, violations: sortViolations(violations) };
}

/** The report: one line per violation, then the summary line. */
export function formatGuardrails(result: GuardrailResult): string[] {
  return [...result.violations.map(formatViolation), `guardrails: ${result.checks} checks, ${result.violations.length} violations`];
}

function main(): void {
  const { values } = parseArgs({ options: { root: { type: 'string' }, 'temp-before': { type: 'string' }, 'temp-snapshot': { type: 'boolean' } } });
  if (values['temp-snapshot']) {
    for (const name of listTempEntries()) console.log(name);
    return;
  }
  const tempBefore = values['temp-before'] === undefined ? undefined : readFileSync(values['temp-before'], 'utf8').split('\n').filter(Boolean);
  const result = runGuardrails(resolve(values.root ?? REPO_ROOT), { tempBefore });
  for (const line of formatGuardrails(result)) console.log(line);
  process.exitCode = result.violations.length > 0 ? 1 : 0;
}

if (import.meta.main) main();
