import test from 'ava';
import { existsSync, writeFileSync } from 'node:fs';
import { defineEntity, p } from '@mikro-orm/core';
import { createTempDir, createTestClock, createTestOrm, uniqueEmail, type TemplateSeed } from './index.ts';

const Item = defineEntity({ name: 'Item', properties: { id: p.integer().primary(), label: p.string() } });

test('every createTestOrm call is a separate, empty database with the schema created', async (t) => {
  const first = await createTestOrm([Item], t);
  const second = await createTestOrm([Item], t);
  const em = first.em.fork();
  em.create(Item, { id: 1, label: 'only in the first' });
  await em.flush();
  t.is(await first.em.fork().count(Item), 1);
  t.is(await second.em.fork().count(Item), 0);
});

test('a temp dir holds file databases and is removed completely', (t) => {
  const temp = createTempDir();
  writeFileSync(temp.dbPath('auth'), 'x');
  t.true(existsSync(temp.dbPath('auth')));
  temp.remove();
  t.false(existsSync(temp.dir));
});

test('the test clock moves only when told', (t) => {
  const clock = createTestClock('2026-01-01T00:00:00Z');
  clock.advance(1500);
  t.is(clock.now().toISOString(), '2026-01-01T00:00:01.500Z');
  t.not(uniqueEmail(), uniqueEmail());
});

let seedRuns = 0;
/** A template seed (module-level, so every call names the same one): counts its runs. */
const seedTwoItems: TemplateSeed = async (orm) => {
  seedRuns += 1;
  const em = orm.em.fork();
  em.create(Item, { id: 1, label: 'seeded' });
  em.create(Item, { id: 2, label: 'seeded too' });
  await em.flush();
};

test('a seed is written once per worker into a template; every database is its own copy of it', async (t) => {
  const first = await createTestOrm([Item], t, seedTwoItems);
  const second = await createTestOrm([Item], t, seedTwoItems);
  t.is(seedRuns, 1, 'the seed ran once for both databases');
  const em = first.em.fork();
  em.create(Item, { id: 3, label: 'only in the first' });
  em.remove(await em.findOneOrFail(Item, 1));
  await em.flush();
  t.deepEqual((await first.em.fork().find(Item, {}, { orderBy: { id: 'asc' } })).map((i) => i.id), [2, 3]);
  t.deepEqual((await second.em.fork().find(Item, {}, { orderBy: { id: 'asc' } })).map((i) => i.id), [1, 2], 'the other copy and the template are untouched');
  t.deepEqual((await (await createTestOrm([Item], t, seedTwoItems)).em.fork().find(Item, {}, { orderBy: { id: 'asc' } })).map((i) => i.id), [1, 2]);
});

test('a test ORM closed and used again gets an empty database, not another copy of the template (a broken database stays broken)', async (t) => {
  const orm = await createTestOrm([Item], t, seedTwoItems);
  await orm.close(true);
  const error = await t.throwsAsync(orm.em.fork().count(Item));
  t.regex(error.message, /no such table/);
});
