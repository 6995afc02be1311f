/**
 * Guardrail `no-temp-leftovers` (isolation rule 3): a test run removes every `ledgerline-*` entry it made in the
 * OS temp dir. Used by run.ts (`--temp-before <listing>`), by the flake hunter after each run, and by CI.
 */
import { readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { Violation } from './violation.ts';

export const RULE = 'no-temp-leftovers';
export const TEMP_PREFIX = 'ledgerline-';

/** Names of the `ledgerline-*` entries in a directory (the OS temp dir by default), sorted. */
export function listTempEntries(dir = tmpdir(), prefix = TEMP_PREFIX): string[] {
  return readdirSync(dir).filter((name) => name.startsWith(prefix)).sort();
}

/**
 * Entries present after a run that were not there before. Listings may hold bare names or full paths (as
 * `find "$TMPDIR" -maxdepth 1 -name 'ledgerline-*'` prints them); only `ledgerline-*` names count.
 */
export function findTempLeftovers(before: readonly string[], after: readonly string[], dir = tmpdir(), prefix = TEMP_PREFIX): Violation[] {
  const names = (listing: readonly string[]) => listing.map((entry) => basename(entry.trim())).filter((name) => name.startsWith(prefix));
  const existed = new Set(names(before));
  return [...new Set(names(after))]
    .filter((name) => !existed.has(name))
    .sort()
    .map((name) => ({ file: join(dir, name), line: 0, rule: RULE, message: 'left behind in the OS temp dir by the run: remove it in t.teardown / the global teardown (createTempDir().remove())' }));
}
