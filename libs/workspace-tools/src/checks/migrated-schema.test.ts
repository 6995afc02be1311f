import test from 'ava';
import { REPO_ROOT } from '../discover.ts';
import { checkMigratedSchema } from './migrated-schema.ts';
import { fixtureTree, manifest } from './fixture-tree.ts';

const migratedService = (name: string) => ({
  [`services/${name}/src/entities.ts`]: 'export const entities = [];',
  [`services/${name}/migrations/index.ts`]: 'export const migrations = {};',
  [`services/${name}/migrations/sqlite/index.ts`]: 'export const sqlite = [];',
  [`services/${name}/test/migrations.test.ts`]: '',
  [`services/${name}/package.json`]: manifest(`@ledgerline/${name}`, { scripts: { 'migration:create': 'node create.ts' }, nx: { targets: { migrations: {} } } }),
});

test('the repo passes: no schema generator outside tests, every table-owning service has its migrations and their tests', (t) => {
  t.deepEqual(checkMigratedSchema(REPO_ROOT), []);
});

test("the schema generator in production code is reported (the start-up path that lost seed 003's data)", (t) => {
  const root = fixtureTree(t, {
    ...migratedService('auth'),
    'libs/db-kit/src/open-orm.ts': ['export async function openOrm(orm) {', '  await orm.schema.update();', '}'],
    'services/auth/src/main.ts': ['await orm.schema.refresh();'],
    'libs/test-kit/src/test-orm.ts': ['await orm.schema.create();'],
    'libs/db-kit/src/open-orm.test.ts': ['await orm.schema.create();'],
    'services/auth/src/report.ts': ['const schema = { update() {} };', 'schema.update();', 'await orm.schema.getUpdateSchemaSQL();'],
  });
  t.deepEqual(checkMigratedSchema(root).map((v) => [v.file, v.line, v.message.split(' changes')[0]]), [
    ['libs/db-kit/src/open-orm.ts', 2, 'schema.update()'],
    ['services/auth/src/main.ts', 1, 'schema.refresh()'],
  ]);
});

test('a service that owns tables without migrations, their tests or the commands is reported, one line per gap', (t) => {
  const root = fixtureTree(t, {
    ...migratedService('auth'),
    'services/ledger/src/entities.ts': 'export const entities = [];',
    'services/ledger/package.json': manifest('@ledgerline/ledger', { scripts: { migrations: 'ava' } }),
    'services/gateway/package.json': manifest('@ledgerline/gateway'),
  });
  t.deepEqual(checkMigratedSchema(root).map((v) => [v.file, /has no (\S+)/.exec(v.message)?.[1]]), [
    ['services/ledger/migrations/index.ts', 'migrations/index.ts'],
    ['services/ledger/migrations/sqlite/index.ts', 'migrations/sqlite/index.ts'],
    ['services/ledger/test/migrations.test.ts', 'test/migrations.test.ts'],
    ['services/ledger/package.json', '"migrations"'],
    ['services/ledger/package.json', '"migration:create"'],
  ]);
});
