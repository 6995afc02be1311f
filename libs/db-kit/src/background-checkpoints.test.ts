import test from 'ava';
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { defineEntity, p } from '@mikro-orm/core';
import { openOrm, startBackgroundCheckpoints, WAL_BOUND_PAGES } from './index.ts';

const Note = defineEntity({ name: 'Note', properties: { id: p.integer().primary(), text: p.string() } });

interface RawDatabase {
  pragma(source: string): unknown;
  exec(sql: string): void;
  prepare(sql: string): { run(...params: unknown[]): unknown; get(...params: unknown[]): unknown };
  close(): void;
}
// The driver MikroORM's SQLite connection uses: a second connection, as another process or thread would open.
const Database = createRequire(createRequire(import.meta.url).resolve('@mikro-orm/sqlite'))('better-sqlite3') as new (file: string) => RawDatabase;

function tempDir(t: { teardown(fn: () => void): void }): string {
  const dir = mkdtempSync(join(tmpdir(), 'ledgerline-checkpoints-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** Notes in the database *file* alone: a copy of it without its WAL, so only pages a checkpoint copied count. */
function notesInFile(file: string, copy: string, table = 'note'): number {
  copyFileSync(file, copy);
  rmSync(`${copy}-wal`, { force: true });
  const db = new Database(copy);
  try {
    return (db.prepare(`select count(*) as n from "${table}"`).get() as { n: number }).n;
  } catch {
    return 0; // the table itself is not in the file yet
  } finally {
    db.close();
  }
}

async function eventually(read: () => number, expected: number, ms = 5000): Promise<number> {
  const until = Date.now() + ms;
  let value = read();
  while (value !== expected && Date.now() < until) {
    await sleep(20);
    value = read();
  }
  return value;
}

test('a file database opened by openOrm has its commits copied into the file by the worker, long before the WAL bound', async (t) => {
  const dir = tempDir(t);
  const file = join(dir, 'notes.sqlite');
  const orm = await openOrm({ dbName: file, entities: [Note], backgroundCheckpointMs: 20 });
  t.teardown(() => orm.close(true));
  t.deepEqual(await orm.em.getConnection().execute('pragma wal_autocheckpoint'), [{ wal_autocheckpoint: WAL_BOUND_PAGES }]);
  await orm.schema.create();
  const em = orm.em.fork();
  for (let id = 1; id <= 40; id += 1) {
    em.create(Note, { id, text: `note ${id}` });
    await em.flush();
  }
  // 40 commits are a few dozen WAL pages: SQLite's own checkpoint (at WAL_BOUND_PAGES) has not run.
  t.is(await eventually(() => notesInFile(file, join(dir, 'copy.sqlite')), 40), 40);
  // Closing the ORM stops the worker first: the service's connection is then the last one, and SQLite removes the WAL.
  await orm.close();
  t.false(existsSync(`${file}-wal`));
});

test('with background checkpoints off, the commits stay in the WAL until SQLite checkpoints at 1,000 pages', async (t) => {
  const dir = tempDir(t);
  const file = join(dir, 'notes.sqlite');
  const orm = await openOrm({ dbName: file, entities: [Note], backgroundCheckpointMs: false });
  t.teardown(() => orm.close(true));
  t.deepEqual(await orm.em.getConnection().execute('pragma wal_autocheckpoint'), [{ wal_autocheckpoint: 1000 }]);
  await orm.schema.create();
  const em = orm.em.fork();
  em.create(Note, { id: 1, text: 'only in the WAL' });
  await em.flush();
  await sleep(200);
  t.is(notesInFile(file, join(dir, 'copy.sqlite')), 0);
  t.is((await orm.em.fork().find(Note, {})).length, 1, 'the service itself reads it (from the WAL)');
});

test('the worker counts what it copied; once stopped it copies nothing more', async (t) => {
  const dir = tempDir(t);
  const file = join(dir, 'raw.sqlite');
  const writer = new Database(file);
  t.teardown(() => writer.close());
  writer.pragma('journal_mode = wal');
  writer.pragma('wal_autocheckpoint = 0'); // only the worker checkpoints
  writer.exec('create table note (id integer primary key, text text)');
  const insert = writer.prepare('insert into note (text) values (?)');
  const checkpoints = startBackgroundCheckpoints(file, 10);
  for (let i = 0; i < 25; i += 1) insert.run(`note ${i}`);
  t.is(await eventually(() => notesInFile(file, join(dir, 'copy.sqlite')), 25), 25);
  const stats = await checkpoints.stats();
  t.true(stats.checkpoints > 0 && stats.framesCopied > 0, JSON.stringify(stats));
  t.is(stats.lastError, undefined);

  await checkpoints.stop();
  for (let i = 0; i < 5; i += 1) insert.run(`after the stop ${i}`);
  await sleep(100);
  t.is(notesInFile(file, join(dir, 'copy.sqlite')), 25);
  t.is((await checkpoints.stats()).lastError, 'stopped');
  await checkpoints.stop(); // a second stop is harmless
});

test('a worker whose database file is missing reports it and ends, without taking the process down', async (t) => {
  const dir = tempDir(t);
  const checkpoints = startBackgroundCheckpoints(join(dir, 'missing.sqlite'), 10);
  await sleep(300);
  const stats = await checkpoints.stats();
  t.is(stats.checkpoints, 0);
  t.regex(stats.lastError ?? '', /unable to open|does not exist|missing/i);
  await checkpoints.stop();
});

test('stats asked while that worker is still starting wait for its end and report the failure, never reject', async (t) => {
  const dir = tempDir(t);
  const checkpoints = startBackgroundCheckpoints(join(dir, 'missing.sqlite'), 10);
  // At once, before the worker has opened (and failed to open) its file: on a busy host that takes longer than any sleep.
  const stats = await checkpoints.stats();
  t.is(stats.checkpoints, 0);
  t.regex(stats.lastError ?? '', /unable to open|does not exist|missing/i);
  await checkpoints.stop();
});
