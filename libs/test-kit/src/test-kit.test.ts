import test from 'ava';
import { existsSync, writeFileSync } from 'node:fs';
import { defineEntity, p } from '@mikro-orm/core';
import { createTempDir, createTestClock, createTestOrm, uniqueEmail } from './index.ts';

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
