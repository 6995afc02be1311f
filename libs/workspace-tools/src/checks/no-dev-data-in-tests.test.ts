import test from 'ava';
import { checkNoDevDataInTests, DEV_DATA_ALLOWED } from './no-dev-data-in-tests.ts';
import { fixtureTree } from './fixture-tree.ts';

const found = (root: string) => checkNoDevDataInTests(root).map((v) => `${v.file}:${v.line}`);

test('a test naming a path under the dev data dir, in any spelling, is reported with its line', (t) => {
  const root = fixtureTree(t, {
    'services/auth/src/users/register.test.ts': [
      "import { join } from 'node:path';",
      "const a = './data/auth.sqlite';",
      "const b = 'data/portfolio.sqlite';",
      'const c = `${process.cwd()}/data/x.sqlite`;',
      "const d = join(process.cwd(), 'data', 'x.sqlite');",
      "const e = '../../data/transaction.sqlite';",
    ],
  });
  t.deepEqual(found(root), [2, 3, 4, 5, 6].map((line) => `services/auth/src/users/register.test.ts:${line}`));
  t.true(checkNoDevDataInTests(root).every((v) => v.rule === 'no-dev-data-in-tests'));
});

test('DEV_DATA_DIR in any test-side file is reported: service tests, e2e, perf and the kits', (t) => {
  const uses = ["import { DEV_DATA_DIR } from '@ledgerline/db-kit';", 'export const where = DEV_DATA_DIR;'];
  const root = fixtureTree(t, {
    'services/gateway/test/support/stack.ts': uses,
    'e2e/global-setup.ts': uses,
    'perf/src/seed.ts': uses,
    'libs/test-kit/src/file-orm.ts': uses,
    'libs/contract-kit/src/provider.ts': uses,
    'libs/system-kit/src/system.ts': uses,
  });
  t.is(checkNoDevDataInTests(root).length, 12);
});

test('production code, prose, stream events and other directories named like data are not reported', (t) => {
  const root = fixtureTree(t, {
    'services/auth/src/config.ts': ["import { DEV_DATA_DIR } from '@ledgerline/db-kit';", "export const dbPath = './data/auth.sqlite';"],
    'services/auth/src/users/login.test.ts': [
      "import test from 'ava';",
      "test('refuses ./data/ under a test runner', (t) => { t.pass('nothing under ./data/ was touched'); });",
      "process.stdin.on('data', () => {});",
      "const fixtures = ['test-data/x.json', 'metadata/y', 'e2e/data-table'];",
    ],
  });
  t.deepEqual(found(root), []);
});

test("the database kit's guard test is allow-listed explicitly, with the reason", (t) => {
  t.regex(DEV_DATA_ALLOWED['libs/db-kit/src/guard.test.ts'], /refuses/);
  const root = fixtureTree(t, {
    'libs/db-kit/src/guard.test.ts': ["import { DEV_DATA_DIR } from './index.ts';", "const p = 'data/auth.sqlite';"],
    'libs/db-kit/src/open-orm.test.ts': ["const p = 'data/auth.sqlite';"],
  });
  t.deepEqual(found(root), ['libs/db-kit/src/open-orm.test.ts:1']);
});

test('a test file importing a config or main module is reported; other imports are not', (t) => {
  const root = fixtureTree(t, {
    'services/portfolio/src/app.test.ts': [
      "import { readConfig } from './config.ts';",
      "import { createApp } from './app.ts';",
      "const main = await import('./main.ts');",
      "export { something } from '../../auth/src/config';",
      "import config from './playwright.config.ts';",
    ],
    'services/portfolio/test/provider.pact.test.ts': ["import '../src/main.ts';"],
    'services/portfolio/src/main.ts': ["import { readConfig } from './config.ts';"],
  });
  t.deepEqual(found(root), [
    'services/portfolio/src/app.test.ts:1',
    'services/portfolio/src/app.test.ts:3',
    'services/portfolio/src/app.test.ts:4',
    'services/portfolio/test/provider.pact.test.ts:1',
  ]);
  t.regex(checkNoDevDataInTests(root)[0].message, /imports '\.\/config\.ts'/);
});
