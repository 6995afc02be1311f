import test from 'ava';
import { defineEntity, p, UniqueConstraintViolationException } from '@mikro-orm/core';
import { openOrm, readRows, writeRows, writeTransaction, type Em } from './index.ts';
import { countPrepares } from './count-prepares.ts';

const Note = defineEntity({ name: 'Note', properties: { id: p.integer().primary(), body: p.string() } });
const INSERT = 'insert into note (id, body) values (?, ?)';
const IDS = 'select id from note order by id';

async function notes() {
  const orm = await openOrm({ dbName: ':memory:', entities: [Note] });
  await orm.schema.create();
  await writeRows(orm.em.fork(), INSERT, [1, 'first']);
  return orm;
}
const ids = async (em: Em) => (await readRows<{ id: number }>(em, IDS)).map((row) => row.id);

test('its writes are committed together, seen inside it (also by ORM reads), and its answer returned; begin and commit are prepared once', async (t) => {
  const orm = await notes();
  t.teardown(() => orm.close(true));
  await writeTransaction(orm.em.fork(), async (tx) => {
    await writeRows(tx, INSERT, [2, 'warm-up']);
    return ids(tx);
  });
  const prepares = countPrepares(orm.em);
  const answer = await writeTransaction(orm.em.fork(), async (tx) => {
    await writeRows(tx, INSERT, [3, 'a']);
    await writeRows(tx, INSERT, [4, 'b']);
    return ids(tx);
  });
  t.deepEqual(answer, [1, 2, 3, 4]);
  t.deepEqual(await ids(orm.em.fork()), [1, 2, 3, 4]);
  t.is(prepares.count, 0, 'begin, commit and both SQL texts were prepared by the first transaction');
  t.false((orm.em.getConnection() as unknown as { database: { inTransaction: boolean } }).database.inTransaction);
  const seen = await writeTransaction(orm.em.fork(), async (tx) => {
    await writeRows(tx, INSERT, [5, 'c']);
    return (await tx.findOne(Note, { id: 5 }))?.body;
  });
  t.is(seen, 'c', "an ORM read through the transaction's EntityManager sees its writes");
});

test('a failure rolls everything back and comes out as thrown; a broken unique key as MikroORM\'s exception', async (t) => {
  const orm = await notes();
  t.teardown(() => orm.close(true));
  await t.throwsAsync(
    writeTransaction(orm.em.fork(), async (tx) => {
      await writeRows(tx, INSERT, [5, 'undone']);
      throw new Error('refused');
    }),
    { message: 'refused' },
  );
  await t.throwsAsync(
    writeTransaction(orm.em.fork(), async (tx) => {
      await writeRows(tx, INSERT, [6, 'undone too']);
      await writeRows(tx, INSERT, [1, 'duplicate id']);
    }),
    { instanceOf: UniqueConstraintViolationException },
  );
  t.deepEqual(await ids(orm.em.fork()), [1], 'nothing of either transaction is left');
  t.deepEqual(await writeTransaction(orm.em.fork(), async (tx) => writeRows(tx, INSERT, [7, 'after'])), 1, 'the connection is usable again');
});

test("other requests' reads, writes and ORM transactions wait until it commits: none sees or joins its uncommitted rows", async (t) => {
  const orm = await notes();
  t.teardown(() => orm.close(true));
  const during: Promise<unknown>[] = [];
  let settled = 0;
  await writeTransaction(orm.em.fork(), async (tx) => {
    await writeRows(tx, INSERT, [10, 'inside']);
    during.push(readRows(orm.em.fork(), IDS), writeRows(orm.em.fork(), INSERT, [11, 'outside']), orm.em.fork().findOne(Note, { id: 10 }));
    during.push(orm.em.fork().transactional(async (other) => other.create(Note, { id: 12, body: 'orm' })));
    for (const pending of during) void pending.then(() => (settled += 1));
    await new Promise((resolve) => setTimeout(resolve, 20));
    t.is(settled, 0, 'all four wait while the transaction holds the connection');
    t.deepEqual(await ids(tx), [1, 10], 'inside, only its own write is there');
  });
  const [read, written, found] = await Promise.all(during);
  t.deepEqual((read as { id: number }[]).map((row) => row.id), [1, 10], 'the read saw what the transaction committed');
  t.is(written, 1);
  t.is((found as { body: string } | null)?.body, 'inside');
  t.deepEqual(await ids(orm.em.fork()), [1, 10, 11, 12]);

  // A rolled-back transaction leaves nothing for a read started during it to see.
  let readDuringRollback: Promise<unknown[]> | undefined;
  await t.throwsAsync(
    writeTransaction(orm.em.fork(), async (tx) => {
      await writeRows(tx, INSERT, [13, 'undone']);
      readDuringRollback = readRows(orm.em.fork(), 'select id from note where id = 13');
      throw new Error('refused');
    }),
  );
  t.deepEqual(await readDuringRollback, []);
});

test('two write transactions run one after the other, never interleaved', async (t) => {
  const orm = await notes();
  t.teardown(() => orm.close(true));
  const order: string[] = [];
  const step = (name: string) => async (tx: Em) => {
    order.push(`${name} begins`);
    await writeRows(tx, INSERT, [name === 'a' ? 20 : 21, name]);
    await new Promise((resolve) => setTimeout(resolve, 10));
    order.push(`${name} ends`);
  };
  await Promise.all([writeTransaction(orm.em.fork(), step('a')), writeTransaction(orm.em.fork(), step('b'))]);
  t.deepEqual(order, ['a begins', 'a ends', 'b begins', 'b ends']);
  t.deepEqual(await ids(orm.em.fork()), [1, 20, 21]);
});

test('inside an ORM transaction it joins that transaction (a savepoint): undone with it', async (t) => {
  const orm = await notes();
  t.teardown(() => orm.close(true));
  await t.throwsAsync(
    orm.em.fork().transactional(async (outer) => {
      await writeTransaction(outer, async (tx) => writeRows(tx, INSERT, [30, 'nested']));
      throw new Error('refused');
    }),
    { message: 'refused' },
  );
  t.deepEqual(await ids(orm.em.fork()), [1]);
});
