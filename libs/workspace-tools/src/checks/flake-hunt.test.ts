import test from 'ava';
import { formatFlakeReport, LAYER_COMMANDS, layersFor, parseFailedTests, stripAnsi, tallyFailures } from './flake-hunt.ts';

const E = '\u001b';
const arrow = `${E}[90m${E}[2m›${E}[22m${E}[39m`;

/** `nx run-many -t test --outputStyle=static` with AVA's coloured default reporter: two projects, three failures. */
const UNIT_RUN = [
  ' NX   Running target test for 2 projects:',
  '',
  '> nx run auth:test',
  '',
  '> @ledgerline/auth@0.1.0 test',
  '> ava "src/**/*.test.ts"',
  '',
  `  ${E}[32m✔${E}[39m users/register ${arrow} a registered user logs in`,
  `  ${E}[31m✘ [fail]:${E}[39m users/register ${arrow} rejects a weak password ${E}[3m${E}[31mError thrown in test${E}[39m${E}[23m`,
  `  ${E}[31m✘ [fail]:${E}[39m sessions/refresh ${arrow} rotation › reuse is refused`,
  `  ${E}[90m─${E}[39m`,
  '',
  `  ${E}[1musers/register ${E}[90m${E}[2m›${E}[22m${E}[1m${E}[39m rejects a weak password${E}[22m`,
  '',
  '  Error thrown in test:',
  '',
  `  ${E}[1msessions/refresh ${E}[90m${E}[2m›${E}[22m${E}[1m${E}[39m rotation › reuse is refused${E}[22m`,
  '',
  `  ${E}[31m2 tests failed${E}[39m`,
  '',
  '> nx run portfolio:test',
  '',
  '  ✘ [fail]: pnl/apply-trade › a sell realises P/L nope, custom message',
  '  ✘ Timed out while running tests',
  '',
  '  pnl/apply-trade › a sell realises P/L',
  '',
  ' NX   Ran target test for 2 projects (12s)',
].join('\n');

/** `nx e2e web` with Playwright's list reporter (non-TTY): one failure, one retried failure, passes. */
const E2E_RUN = [
  '> nx run web:build',
  '> nx run web:e2e',
  'Running 4 tests using 2 workers',
  '  ✓  1 [chromium] › tests/access.spec.ts:8:3 › a visitor is sent to the login page (1.1s)',
  `  ${E}[31m✘${E}[39m  2 [chromium] › tests/investing-journey.spec.ts:14:3 › journey › buy then sell shows realised P/L (5.2s)`,
  '  ✘  3 [chromium] › tests/access.spec.ts:20:3 › logging out ends the session (retry #1) (812ms)',
  '  ✓  4 [chromium] › tests/access.spec.ts:30:3 › another user’s portfolio is not found (2.0s)',
  '  1) [chromium] › tests/investing-journey.spec.ts:14:3 › journey › buy then sell shows realised P/L ───',
  '  2 failed',
].join('\n');

test('ANSI colours and cursor movement are stripped', (t) => {
  t.is(stripAnsi(`${E}[31m✘${E}[39m ${E}[1A${E}[2Kok`), '✘ ok');
});

test('AVA failures are named by project and title, without the failure message AVA appends', (t) => {
  t.deepEqual(parseFailedTests(UNIT_RUN), [
    '[auth:test] users/register › rejects a weak password',
    '[auth:test] sessions/refresh › rotation › reuse is refused',
    '[portfolio:test] pnl/apply-trade › a sell realises P/L',
    '[portfolio:test] Timed out while running tests',
  ]);
});

test('Playwright failures are named without index, retry or duration', (t) => {
  t.deepEqual(parseFailedTests(E2E_RUN), [
    '[web:e2e] [chromium] › tests/investing-journey.spec.ts:14:3 › journey › buy then sell shows realised P/L',
    '[web:e2e] [chromium] › tests/access.spec.ts:20:3 › logging out ends the session',
  ]);
});

test('a passing run names no failed test; output outside Nx keeps bare titles', (t) => {
  t.deepEqual(parseFailedTests('  ✔ a › b\n  12 tests passed\n'), []);
  t.deepEqual(parseFailedTests('  ✘ [fail]: a › b'), ['a › b']);
});

test('failures are tallied per run, most frequent first, and the report ends with the summary line', (t) => {
  const rows = tallyFailures([['x', 'y', 'x'], ['y'], ['y', 'z']]);
  t.deepEqual(rows, [{ test: 'y', failures: 3 }, { test: 'x', failures: 1 }, { test: 'z', failures: 1 }]);
  const lines = formatFlakeReport(rows, 3);
  t.is(lines[0], 'failed  when       test');
  t.is(lines[1], '   3/3  every run  y');
  t.is(lines[2], '   1/3  flaky      x');
  t.is(lines.at(-1), 'flake-hunt: 3 runs, 3 flaky tests');
  t.deepEqual(formatFlakeReport([], 5), ['flake-hunt: 5 runs, 0 flaky tests']);
});

test('layers map to their Nx commands, always skipping the cache', (t) => {
  t.deepEqual(layersFor('all'), ['unit', 'contract', 'e2e']);
  t.deepEqual(layersFor('contract'), ['contract']);
  t.throws(() => layersFor('perf'), { message: /--layer must be one of/ });
  for (const command of Object.values(LAYER_COMMANDS)) t.true(command.includes('--skip-nx-cache') && command.includes('--outputStyle=static'));
  t.deepEqual(LAYER_COMMANDS.e2e, ['nx', 'e2e', 'web', '--skip-nx-cache', '--outputStyle=static']);
});
