import test from 'ava';
import { existsSync } from 'node:fs';
import { defineEntity, p } from '@mikro-orm/core';
import { dialectOf, parsePostgresUrl } from '@ledgerline/db-kit';
import { createTestDatabases, createTestFileOrm, testEngine } from './index.ts';

const Row = defineEntity({ name: 'Row', properties: { id: p.integer().primary(), amount: p.string() } });

test('LEDGERLINE_DB picks the engine; sqlite by default; anything else is a clear error', (t) => {
  t.is(testEngine({}), 'sqlite');
  t.is(testEngine({ LEDGERLINE_DB: 'postgres' }), 'postgres');
  t.throws(() => testEngine({ LEDGERLINE_DB: 'mysql' }), { message: /LEDGERLINE_DB="mysql": use sqlite \(the default\) or postgres/ });
});

test('on postgres, each location is a fresh database of one throwaway cluster, and remove() stops and deletes it', async (t) => {
  const databases = createTestDatabases('ledgerline-kit-', 'postgres');
  t.teardown(() => databases.remove());
  const [first, second] = await Promise.all([databases.location('auth'), databases.location('auth')]);
  t.is(dialectOf(first), 'postgresql');
  t.not(first, second);
  const orm = await createTestFileOrm([Row], first);
  const em = orm.em.fork();
  em.create(Row, { amount: '0.10' });
  await em.flush();
  const other = await createTestFileOrm([Row], second);
  t.is(await other.em.fork().count(Row), 0, 'the second database starts empty');
  await Promise.all([orm.close(true), other.close(true)]);
  const dir = parsePostgresUrl(first).host;
  t.true(existsSync(dir));
  await databases.remove();
  t.false(existsSync(dir));
});

test('on sqlite, locations are files in one temp dir that remove() deletes', async (t) => {
  const databases = createTestDatabases('ledgerline-kit-', 'sqlite');
  const path = await databases.location('auth');
  t.regex(path, /ledgerline-kit-.*\/auth\.sqlite$/);
  await databases.remove();
  t.false(existsSync(path.replace(/\/auth\.sqlite$/, '')));
});
