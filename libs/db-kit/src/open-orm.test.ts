import test from 'ava';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineEntity, p } from '@mikro-orm/core';
import { openOrm, checkDatabase } from './index.ts';

const Note = defineEntity({ name: 'Note', properties: { id: p.integer().primary(), text: p.string() } });

// These tests make their schema with the generator; services get theirs from migrations (migrations.test.ts).
test('a file database in the temp dir gets WAL and a busy timeout', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'ledgerline-dbkit-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const orm = await openOrm({ dbName: join(dir, 'nested', 'notes.sqlite'), entities: [Note], busyTimeoutMs: 1234 });
  t.teardown(() => orm.close(true));
  const connection = orm.em.getConnection();
  t.deepEqual(await connection.execute('pragma journal_mode'), [{ journal_mode: 'wal' }]);
  t.deepEqual(await connection.execute('pragma busy_timeout'), [{ timeout: 1234 }]);
  t.deepEqual(await checkDatabase(orm), { ok: true });
});

test('what one fork commits, the next fork (the next request) sees — on in-memory and file databases alike', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'ledgerline-dbkit-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  for (const dbName of [':memory:', join(dir, 'visible.sqlite')]) {
    const orm = await openOrm({ dbName, entities: [Note] });
    await orm.schema.create();
    const writer = orm.em.fork();
    writer.create(Note, { id: 1, text: 'committed by call 1' });
    await writer.flush();
    const reader = orm.em.fork();
    t.is((await reader.findOneOrFail(Note, { id: 1 })).text, 'committed by call 1', dbName);
    await orm.close(true);
  }
});

test('readiness reports a closed database as not ok', async (t) => {
  const orm = await openOrm({ dbName: ':memory:', entities: [Note] });
  await orm.close(true);
  t.false((await checkDatabase(orm)).ok);
});

test('the global EntityManager cannot be used: work happens on per-request forks', async (t) => {
  const orm = await openOrm({ dbName: ':memory:', entities: [Note] });
  t.teardown(() => orm.close(true));
  await t.throwsAsync(() => orm.em.find(Note, {}), { message: /global EntityManager/i });
});
