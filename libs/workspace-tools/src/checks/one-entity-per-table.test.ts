import test from 'ava';
import { checkOneEntityPerTable, findEntityDefinitions, tableNameFor } from './one-entity-per-table.ts';
import { fixtureTree } from './fixture-tree.ts';

const entity = (options: string) => ["import { defineEntity, p } from '@mikro-orm/core';", '', `export const Schema = defineEntity({ ${options}, properties: { id: p.string().primary() } });`];

test("the table is tableName, else MikroORM's snake_case of the entity name", (t) => {
  t.is(tableNameFor('AppliedTrade'), 'applied_trade');
  t.is(tableNameFor('User'), 'user');
  const root = fixtureTree(t, {
    'services/portfolio/src/trades/applied-trade.entity.ts': entity("name: 'AppliedTrade'"),
    'services/auth/src/users/user.entity.ts': entity("name: 'User', tableName: 'app_user'"),
    'services/auth/src/sessions/session.entity.ts': [
      "import { EntitySchema } from '@mikro-orm/core';",
      "export const Session = new EntitySchema({ name: 'Session', properties: {} });",
    ],
  });
  t.deepEqual(findEntityDefinitions(root).map((d) => [d.file, d.line, d.table]), [
    ['services/auth/src/sessions/session.entity.ts', 2, 'session'],
    ['services/auth/src/users/user.entity.ts', 3, 'app_user'],
    ['services/portfolio/src/trades/applied-trade.entity.ts', 3, 'applied_trade'],
  ]);
  t.deepEqual(checkOneEntityPerTable(root), []);
});

test('two definitions of one table are both reported, each naming the other (seed 002)', (t) => {
  const root = fixtureTree(t, {
    'services/auth/src/users/user.entity.ts': entity("name: 'User'"),
    'services/portfolio/src/owners/owner.entity.ts': entity("name: 'Owner', tableName: 'user'"),
  });
  const violations = checkOneEntityPerTable(root);
  t.deepEqual(violations.map((v) => `${v.file}:${v.line}`), ['services/auth/src/users/user.entity.ts:3', 'services/portfolio/src/owners/owner.entity.ts:3']);
  t.regex(violations[0].message, /table 'user' is also defined at services\/portfolio\/src\/owners\/owner\.entity\.ts:3/);
  t.regex(violations[1].message, /also defined at services\/auth\/src\/users\/user\.entity\.ts:3/);
});

test('an entity in a lib or a harness is reported; a throwaway entity in a *.test.ts is not', (t) => {
  const root = fixtureTree(t, {
    'libs/db-kit/src/shared-user.ts': entity("name: 'SharedUser'"),
    'perf/src/reference.ts': entity("name: 'ReferenceItem'"),
    'services/auth/test/support/fake.ts': entity("name: 'Fake'"),
    'libs/db-kit/src/open-orm.test.ts': entity("name: 'Note'"),
    'libs/test-kit/src/test-kit.test.ts': entity("name: 'Note'"),
  });
  const violations = checkOneEntityPerTable(root);
  t.deepEqual(violations.map((v) => v.file), ['libs/db-kit/src/shared-user.ts', 'perf/src/reference.ts', 'services/auth/test/support/fake.ts']);
  t.regex(violations[0].message, /outside services\/<service>\/src/);
});

test('an entity whose table cannot be read statically is reported', (t) => {
  const root = fixtureTree(t, { 'services/auth/src/x.entity.ts': entity('name: ENTITY_NAME') });
  t.regex(checkOneEntityPerTable(root)[0].message, /not a string literal/);
});
