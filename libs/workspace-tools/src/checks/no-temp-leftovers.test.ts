import test from 'ava';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { findTempLeftovers, listTempEntries } from './no-temp-leftovers.ts';
import { fixtureTree } from './fixture-tree.ts';

test('entries that appeared during the run are reported; ones that were there before are not', (t) => {
  const before = ['ledgerline-dev-abc', 'other-tool-1'];
  const after = ['ledgerline-dev-abc', 'ledgerline-contract-x1', 'other-tool-1', 'other-tool-2', 'ledgerline-e2e-y2'];
  const violations = findTempLeftovers(before, after, '/tmp');
  t.deepEqual(violations.map((v) => v.file), ['/tmp/ledgerline-contract-x1', '/tmp/ledgerline-e2e-y2']);
  t.true(violations.every((v) => v.rule === 'no-temp-leftovers' && v.line === 0));
});

test("listings may hold full paths, as CI's find prints them, and blank lines", (t) => {
  const before = ['/tmp/ledgerline-a', ''];
  const after = ['/tmp/ledgerline-a', '/tmp/ledgerline-b\r', ''];
  t.deepEqual(findTempLeftovers(before, after, '/tmp').map((v) => v.file), ['/tmp/ledgerline-b']);
  t.deepEqual(findTempLeftovers(after, before, '/tmp'), [], 'entries that went away are fine');
});

test('the listing holds only ledgerline-* entries of the directory, sorted', (t) => {
  const dir = fixtureTree(t, { 'ledgerline-b/x.sqlite': '', 'unrelated/x': '' });
  mkdirSync(join(dir, 'ledgerline-a'));
  writeFileSync(join(dir, 'ledgerline-c.txt'), '');
  t.deepEqual(listTempEntries(dir), ['ledgerline-a', 'ledgerline-b', 'ledgerline-c.txt']);
});
