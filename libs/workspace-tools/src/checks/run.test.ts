import test from 'ava';
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { formatGuardrails, REPO_CHECKS, runGuardrails } from './run.ts';
import { fixtureTree, manifest } from './fixture-tree.ts';

const RUN = fileURLToPath(new URL('./run.ts', import.meta.url));

/** One violation of each repo check. */
const broken = {
  'services/auth/package.json': manifest('@ledgerline/auth'),
  'services/portfolio/package.json': manifest('@ledgerline/portfolio'),
  'services/auth/src/app.test.ts': ["import { readConfig } from './config.ts';"],
  'libs/db-kit/src/user.ts': ["export const User = defineEntity({ name: 'User', properties: {} });"],
  'services/portfolio/src/owner.ts': ["import { User } from '@ledgerline/auth';"],
  'services/portfolio/src/orm.ts': ['export const orm = await openOrm({});'],
  'libs/db-kit/src/open-orm.ts': ['await orm.schema.update();'],
  'libs/db-kit/src/cli.test.ts': ["spawnSync('node', ['cli.ts']);"],
};

test('every repo check runs, and the report ends with the summary line', (t) => {
  const result = runGuardrails(fixtureTree(t, broken));
  t.is(result.checks, 6);
  t.deepEqual(result.violations.map((v) => v.rule).sort(), Object.keys(REPO_CHECKS).sort());
  const lines = formatGuardrails(result);
  t.is(lines.at(-1), 'guardrails: 6 checks, 6 violations');
  t.true(lines.includes("services/portfolio/src/orm.ts:1 no-module-level-instances — 'orm' holds openOrm() at module scope: build it in the composition root (createApp(deps) / main.ts) or per request (ctx.state.em)"));
});

test('with a temp listing from before the run, leftovers are a seventh check', (t) => {
  const result = runGuardrails(fixtureTree(t, { 'libs/x/src/ok.ts': 'export const ok = 1;' }), { tempBefore: ['ledgerline-a'], tempAfter: ['ledgerline-a', 'ledgerline-b'] });
  t.is(result.checks, 7);
  t.deepEqual(result.violations.map((v) => v.rule), ['no-temp-leftovers']);
});

/**
 * Runs the CLI without blocking: the unit layer's workers share their thread among many tests, and a synchronous
 * child process would hold every other test's timers and sockets until it ends.
 */
function cli(root: string): Promise<{ status: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [RUN, '--root', root], { encoding: 'utf8' }, (error, stdout, stderr) => {
      resolve({ status: error ? Number(error.code ?? 1) : 0, stdout, stderr });
    });
  });
}

test('the CLI prints one line per violation and exits non-zero; a clean tree exits 0', async (t) => {
  const bad = await cli(fixtureTree(t, broken));
  t.is(bad.status, 1, bad.stderr);
  const lines = bad.stdout.trim().split('\n');
  t.is(lines.length, 7);
  t.regex(lines[0], /^\S+:\d+ [a-z-]+ — /);
  t.is(lines.at(-1), 'guardrails: 6 checks, 6 violations');

  const good = await cli(fixtureTree(t, { 'services/auth/src/app.ts': 'export const ok = 1;' }));
  t.is(good.status, 0, good.stderr);
  t.is(good.stdout.trim(), 'guardrails: 6 checks, 0 violations');
});
