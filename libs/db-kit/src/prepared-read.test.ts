import test from 'ava';
import { defineEntity, p, UniqueConstraintViolationException } from '@mikro-orm/core';
import { openOrm, readRow, readRows, writeRows } from './index.ts';
import { countPrepares } from './count-prepares.ts';

const Note = defineEntity({ name: 'Note', properties: { id: p.integer().primary(), body: p.string(), writtenAt: p.datetime() } });
const BY_BODY = 'select id, body, written_at as writtenAt from note where body = ? order by id';
const WRITTEN_SINCE = 'select id from note where written_at >= ? order by id';

async function notes() {
  const orm = await openOrm({ dbName: ':memory:', entities: [Note] });
  await orm.schema.create();
  const em = orm.em.fork();
  em.create(Note, { id: 1, body: "it's", writtenAt: new Date('2026-01-02T03:04:05.678Z') });
  em.create(Note, { id: 2, body: 'other', writtenAt: new Date('2026-06-01T00:00:00.000Z') });
  await em.flush();
  return orm;
}

test('rows come back with the values bound as parameters (a quote is data, not SQL) and dates compared as stored', async (t) => {
  const orm = await notes();
  t.teardown(() => orm.close(true));
  const em = orm.em.fork();
  const rows = await readRows<{ id: number; body: string; writtenAt: number }>(em, BY_BODY, ["it's"]);
  t.deepEqual(rows.map((row) => ({ ...row, writtenAt: new Date(row.writtenAt).toISOString() })), [{ id: 1, body: "it's", writtenAt: '2026-01-02T03:04:05.678Z' }]);
  t.deepEqual(await readRows(em, BY_BODY, ["' or '1'='1"]), []);
  t.deepEqual(await readRows(em, WRITTEN_SINCE, [new Date('2026-03-01T00:00:00Z')]), [{ id: 2 }], 'a Date parameter is compared as the entity stores it');
  t.is(await readRow(em, BY_BODY, ['missing']), null);
  t.is((await readRow<{ id: number }>(em, BY_BODY, ['other']))?.id, 2);
});

test('each SQL text is prepared once per database and reused; a new ORM prepares its own', async (t) => {
  const first = await notes();
  t.teardown(() => first.close(true));
  const prepares = countPrepares(first.em);
  for (const body of ['a', 'b', "it's"]) await readRows(first.em.fork(), BY_BODY, [body]);
  await readRows(first.em.fork(), WRITTEN_SINCE, [new Date(0)]);
  t.is(prepares.count, 2, 'two SQL texts, two statements, for four reads');
  const second = await notes();
  t.teardown(() => second.close(true));
  const secondPrepares = countPrepares(second.em);
  t.is((await readRows(second.em.fork(), WRITTEN_SINCE, [new Date(0)])).length, 2);
  t.is(secondPrepares.count, 1);
});

test("a read never sees another request's uncommitted rows: it waits for that transaction, then sees what it committed", async (t) => {
  const orm = await notes();
  t.teardown(() => orm.close(true));
  const reader = orm.em.fork();
  let readDuring: Promise<unknown[]> | undefined;
  let settledDuring = false;
  await orm.em.fork().transactional(async (tx) => {
    tx.create(Note, { id: 3, body: 'new', writtenAt: new Date() });
    await tx.flush();
    readDuring = readRows(reader, BY_BODY, ['new']);
    void readDuring.then(() => (settledDuring = true));
    await new Promise((resolve) => setTimeout(resolve, 20));
    t.false(settledDuring, 'the read waits while the other transaction holds the connection');
  });
  t.deepEqual(await readDuring, [{ id: 3, body: 'new', writtenAt: (await readRow<{ writtenAt: number }>(reader, BY_BODY, ['new']))!.writtenAt }]);

  // A transaction that rolls back leaves nothing for a read started during it to see.
  let readDuringRollback: Promise<unknown[]> | undefined;
  await t.throwsAsync(
    orm.em.fork().transactional(async (tx) => {
      tx.create(Note, { id: 4, body: 'rolled back', writtenAt: new Date() });
      await tx.flush();
      readDuringRollback = readRows(reader, BY_BODY, ['rolled back']);
      throw new Error('refused');
    }),
    { message: 'refused' },
  );
  t.deepEqual(await readDuringRollback, []);
});

test('inside its own transaction a read sees that transaction’s writes', async (t) => {
  const orm = await notes();
  t.teardown(() => orm.close(true));
  const seen = await orm.em.fork().transactional(async (tx) => {
    tx.create(Note, { id: 5, body: 'mine', writtenAt: new Date() });
    await tx.flush();
    return readRows<{ id: number }>(tx, BY_BODY, ['mine']);
  });
  t.deepEqual(seen.map((row) => row.id), [5]);
});

const INSERT = 'insert into note (id, body, written_at) values (?, ?, ?)';
const RENAME_IF = 'update note set body = ? where id = ? and body = ?';

test('a prepared write says how many rows it changed: a conditional update that misses changes nothing', async (t) => {
  const orm = await notes();
  t.teardown(() => orm.close(true));
  const em = orm.em.fork();
  t.is(await writeRows(em, INSERT, [10, 'fresh', new Date('2026-02-03T00:00:00Z')]), 1);
  t.is(await writeRows(em, RENAME_IF, ['renamed', 10, 'fresh']), 1);
  t.is(await writeRows(em, RENAME_IF, ['again', 10, 'fresh']), 0, 'the condition no longer holds');
  const stored = await orm.em.fork().findOneOrFail(Note, { id: 10 });
  t.is(stored.body, 'renamed');
  t.is(stored.writtenAt.toISOString(), '2026-02-03T00:00:00.000Z', 'a Date parameter is stored as the entity stores it');
});

test('a prepared write that breaks a unique key throws MikroORM\'s UniqueConstraintViolationException and writes nothing', async (t) => {
  const orm = await notes();
  t.teardown(() => orm.close(true));
  await t.throwsAsync(writeRows(orm.em.fork(), INSERT, [1, 'duplicate id', new Date()]), { instanceOf: UniqueConstraintViolationException });
  t.deepEqual(await readRows(orm.em.fork(), BY_BODY, ['duplicate id']), []);
});

test('prepared writes belong to their transaction: undone by its rollback, and never run inside another request\'s', async (t) => {
  const orm = await notes();
  t.teardown(() => orm.close(true));
  await t.throwsAsync(
    orm.em.fork().transactional(async (tx) => {
      await writeRows(tx, INSERT, [20, 'undone', new Date()]);
      t.is((await readRows(tx, BY_BODY, ['undone'])).length, 1, 'seen inside its transaction');
      throw new Error('refused');
    }),
    { message: 'refused' },
  );
  t.deepEqual(await readRows(orm.em.fork(), BY_BODY, ['undone']), [], 'rolled back with it');

  // A write from another request while a transaction is open waits for it, so that transaction's rollback cannot take it along.
  let outside: Promise<number> | undefined;
  await t.throwsAsync(
    orm.em.fork().transactional(async (tx) => {
      await writeRows(tx, INSERT, [21, 'inside', new Date()]);
      outside = writeRows(orm.em.fork(), INSERT, [22, 'outside', new Date()]);
      await new Promise((resolve) => setTimeout(resolve, 20));
      throw new Error('refused');
    }),
    { message: 'refused' },
  );
  t.is(await outside, 1);
  t.deepEqual((await readRows<{ id: number }>(orm.em.fork(), 'select id from note where id in (21, 22) order by id')).map((row) => row.id), [22]);
});
