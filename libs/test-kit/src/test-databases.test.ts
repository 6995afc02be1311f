import test from 'ava';
import { existsSync } from 'node:fs';
import { defineEntity, p } from '@mikro-orm/core';
import { dialectOf, parsePostgresUrl, SHARED_POSTGRES_ENV } from '@ledgerline/db-kit';
import { createTestDatabases, createTestFileOrm, testEngine } from './index.ts';

const Row = defineEntity({ name: 'Row', properties: { id: p.integer().primary(), amount: p.string() } });

test('LEDGERLINE_DB picks the engine; sqlite by default; anything else is a clear error', (t) => {
  t.is(testEngine({}), 'sqlite');
  t.is(testEngine({ LEDGERLINE_DB: 'postgres' }), 'postgres');
  t.throws(() => testEngine({ LEDGERLINE_DB: 'mysql' }), { message: /LEDGERLINE_DB="mysql": use sqlite \(the default\) or postgres/ });
});

test('on postgres, each location is a fresh database of one throwaway cluster; remove() stops and deletes it, or under npm test drops them and leaves the run\'s cluster running', async (t) => {
  const databases = createTestDatabases('ledgerline-kit-', 'postgres', {}); // its own cluster, even under npm test
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
  const dir = parsePostgresUrl(first).host;

  // Under npm test (its cluster named in the environment): fresh databases in that cluster, dropped by remove().
  const leased = createTestDatabases('ledgerline-kit-', 'postgres', { [SHARED_POSTGRES_ENV]: dir });
  t.teardown(() => leased.remove());
  const [third, fourth] = await Promise.all([leased.location('auth'), leased.location('auth')]);
  t.deepEqual([third, fourth].map((url) => parsePostgresUrl(url).host), [dir, dir]);
  t.is(new Set([first, second, third, fourth]).size, 4, 'no database is handed out twice');
  const leasedOrm = await createTestFileOrm([Row], third);
  t.is(await leasedOrm.em.fork().count(Row), 0, 'a leased database starts empty');
  await leasedOrm.close(true);
  await leased.remove();
  const names = (urls: string[]) => urls.map((url) => parsePostgresUrl(url).dbName);
  const left = await orm.em.getConnection().execute<{ datname: string }[]>('select datname from pg_database where datname in (?, ?, ?, ?) order by datname', names([first, second, third, fourth]));
  t.deepEqual(left.map((row) => row.datname), names([first, second]).sort(), 'the leased ones were dropped, the cluster left running');

  await Promise.all([orm.close(true), other.close(true)]);
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
