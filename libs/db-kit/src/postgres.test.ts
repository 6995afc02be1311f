import test from 'ava';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineEntity, p, UniqueConstraintViolationException } from '@mikro-orm/core';
import { databaseFromEnv, DatabaseLocationRefusedError, Migration, openOrm, readRow, readRows, SHARED_POSTGRES_ENV, startPostgresCluster, startThrowawayPostgres, writeRows, writeTransaction, type ServiceMigrations } from './index.ts';

const Amount = defineEntity({ name: 'Amount', properties: { id: p.integer().primary(), value: p.string() } });
class CreateAmount extends Migration {
  override up(): void {
    this.addSql('create table "amount" ("id" serial primary key, "value" varchar(255) not null);');
  }
}
const amounts: ServiceMigrations = { service: 'amounts', dir: '/nonexistent', entities: [Amount], sqlite: [], postgresql: [{ name: 'Migration20260101000000_initial', class: CreateAmount }] };

// One throwaway cluster for this file (under npm test, the run's), each test its own database in it.
const cluster = startThrowawayPostgres();
test.after.always(async () => (await cluster).stop());
let databases = 0;
const freshDatabase = async () => (await cluster).createDatabase(`db_kit_${++databases}`);

test('a PostgreSQL URL opens the PostgreSQL driver, applies the postgresql migrations once, and keeps money exact', async (t) => {
  const url = await freshDatabase();
  const applied: string[][] = [];
  const logger = { info: (data: object) => applied.push((data as { applied: string[] }).applied) };
  const first = await openOrm({ dbName: url, entities: [Amount], migrations: amounts, logger });
  t.is(first.em.getDriver().constructor.name, 'PostgreSqlDriver');
  const em = first.em.fork();
  em.create(Amount, { value: '12345678901234567890.123456789' });
  await em.flush();
  await first.close(true);
  const second = await openOrm({ dbName: url, entities: [Amount], migrations: amounts, logger });
  t.teardown(() => second.close(true));
  t.deepEqual(applied, [['Migration20260101000000_initial']], 'the second open had nothing to apply');
  t.is((await second.em.fork().findOneOrFail(Amount, { id: 1 })).value, '12345678901234567890.123456789');
});

test('a prepared read runs on PostgreSQL too: values bound, Date parameters, its own transaction seen, no one else\'s', async (t) => {
  const orm = await openOrm({ dbName: await freshDatabase(), entities: [Amount], migrations: amounts });
  t.teardown(() => orm.close(true));
  const em = orm.em.fork();
  em.create(Amount, { value: "it's" });
  await em.flush();
  const byValue = 'select id, value from amount where value = ?';
  t.deepEqual(await readRows(orm.em.fork(), byValue, ["it's"]), [{ id: 1, value: "it's" }]);
  t.deepEqual(await readRows(orm.em.fork(), byValue, ["' or '1'='1"]), []);
  t.true((await readRow<{ later: boolean }>(orm.em.fork(), 'select ?::timestamptz > now() as later', [new Date(Date.now() + 60_000)]))!.later);
  const reader = orm.em.fork();
  const seen = await orm.em.fork().transactional(async (tx) => {
    tx.create(Amount, { value: 'uncommitted' });
    await tx.flush();
    return { own: await readRows(tx, byValue, ['uncommitted']), other: await readRows(reader, byValue, ['uncommitted']) };
  });
  t.is(seen.own.length, 1, 'inside the transaction its own row is seen');
  t.deepEqual(seen.other, [], 'another request does not see an uncommitted row');

  t.is(await writeRows(orm.em.fork(), 'update amount set value = ? where id = ? and value = ?', ['changed', 1, "it's"]), 1);
  t.is(await writeRows(orm.em.fork(), 'update amount set value = ? where id = ? and value = ?', ['again', 1, "it's"]), 0);
  await t.throwsAsync(writeRows(orm.em.fork(), 'insert into amount (id, value) values (?, ?)', [1, 'duplicate']), { instanceOf: UniqueConstraintViolationException });
  await t.throwsAsync(
    orm.em.fork().transactional(async (tx) => {
      await writeRows(tx, 'insert into amount (id, value) values (?, ?)', [50, 'undone']);
      throw new Error('refused');
    }),
    { message: 'refused' },
  );
  t.deepEqual(await readRows(orm.em.fork(), byValue, ['undone']), []);

  // writeTransaction is the ORM's transaction on PostgreSQL: committed together, or undone together.
  const insert = 'insert into amount (id, value) values (?, ?)';
  t.is(await writeTransaction(orm.em.fork(), async (tx) => (await writeRows(tx, insert, [60, 'kept'])) + (await writeRows(tx, insert, [61, 'kept too']))), 2);
  await t.throwsAsync(
    writeTransaction(orm.em.fork(), async (tx) => {
      await writeRows(tx, insert, [62, 'undone']);
      await writeRows(tx, insert, [60, 'duplicate']);
    }),
    { instanceOf: UniqueConstraintViolationException },
  );
  t.deepEqual(await readRows(orm.em.fork(), 'select id from amount where id >= 60 order by id'), [{ id: 60 }, { id: 61 }]);
});

test('under a test runner, a PostgreSQL URL from the environment or a developer config is refused before connecting', async (t) => {
  const fromEnv = databaseFromEnv({ AUTH_DATABASE_URL: 'postgres://ledgerline:s3cret@db.internal:5432/ledgerline' }, 'auth', '/unused.sqlite');
  const error = await t.throwsAsync(openOrm({ dbName: fromEnv, entities: [Amount] }), { instanceOf: DatabaseLocationRefusedError });
  t.regex(error!.message, /a test may use only a database the test kit created/);
  t.notRegex(error!.message, /s3cret/, 'the password is not repeated');
  for (const url of [
    'postgres://postgres@localhost/ledgerline',
    'postgres://postgres@localhost/ledgerline?host=/run/postgresql',
    // The test kit's own cluster, but a database it did not create.
    `postgres://postgres@localhost/postgres?host=${encodeURIComponent((await cluster).dir)}`,
  ]) {
    await t.throwsAsync(openOrm({ dbName: url, entities: [Amount] }), { instanceOf: DatabaseLocationRefusedError }, url);
  }
});

test('a socket dir in the OS temp dir that no throwaway cluster registered is refused', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'ledgerline-pg-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  await t.throwsAsync(openOrm({ dbName: `postgres://postgres@localhost/db_kit_1?host=${encodeURIComponent(dir)}`, entities: [Amount] }), { instanceOf: DatabaseLocationRefusedError });
});

test('a database the test kit created is allowed; without a test runner any URL is taken as configured', async (t) => {
  const orm = await openOrm({ dbName: await freshDatabase(), entities: [Amount] });
  t.teardown(() => orm.close(true));
  t.deepEqual(await orm.em.getConnection().execute('select 1 as one'), [{ one: 1 }]);
  // The guard only judges; without a runner it lets npm start's URL through (the driver then connects).
  const { assertDatabaseAllowed } = await import('./guard.ts');
  t.notThrows(() => assertDatabaseAllowed('postgres://ledgerline@db.internal/ledgerline', { env: {}, argv: ['node', 'src/main.ts'] }));
});

test('stop() removes the cluster dir', async (t) => {
  const other = await startThrowawayPostgres({}); // a cluster of its own, even under npm test
  t.true(existsSync(other.dir));
  await other.stop();
  t.false(existsSync(other.dir));
});

test('under npm test, databases are leased in the run\'s cluster; one that could not start fails every lease with its reason', async (t) => {
  const broken = startPostgresCluster('/nonexistent/postgresql/bin');
  t.teardown(() => broken.stop());
  await t.throwsAsync(broken.started, { message: /PostgreSQL server binaries not found in \/nonexistent\/postgresql\/bin/ });
  await t.throwsAsync(startThrowawayPostgres({ [SHARED_POSTGRES_ENV]: broken.dir }), {
    message: /the test run's PostgreSQL cluster did not start: PostgreSQL server binaries not found/,
  });
  await broken.stop();
  t.false(existsSync(broken.dir));
  const stray = mkdtempSync(join(tmpdir(), 'ledgerline-pg-'));
  t.teardown(() => rmSync(stray, { recursive: true, force: true }));
  await t.throwsAsync(startThrowawayPostgres({ [SHARED_POSTGRES_ENV]: stray }), { message: /is not a throwaway PostgreSQL cluster of this test run/ });
});

test('<SERVICE>_DATABASE_URL wins over <SERVICE>_DB_PATH; a non-PostgreSQL URL there is a clear error', (t) => {
  t.is(databaseFromEnv({ PORTFOLIO_DATABASE_URL: 'postgresql://u@h/db', PORTFOLIO_DB_PATH: '/x.sqlite' }, 'portfolio', '/d.sqlite'), 'postgresql://u@h/db');
  t.is(databaseFromEnv({ PORTFOLIO_DB_PATH: '/x.sqlite' }, 'portfolio', '/d.sqlite'), '/x.sqlite');
  t.is(databaseFromEnv({}, 'portfolio', '/d.sqlite'), '/d.sqlite');
  t.throws(() => databaseFromEnv({ PORTFOLIO_DATABASE_URL: 'mysql://h/db' }, 'portfolio', '/d.sqlite'), { message: /PORTFOLIO_DATABASE_URL must be a postgres:\/\/ URL/ });
});
