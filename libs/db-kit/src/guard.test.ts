import test from 'ava';
import { existsSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { defineEntity, p } from '@mikro-orm/core';
import { assertDatabaseAllowed, DEV_DATA_DIR, DatabaseLocationRefusedError, detectTestRunner, Migration, openOrm, type ServiceMigrations } from './index.ts';

const Probe = defineEntity({ name: 'Probe', properties: { id: p.integer().primary() } });

test('AVA is detected as an active test runner', (t) => {
  t.truthy(detectTestRunner());
});

test('opening a database under ./data/ is refused under a test runner, with why and what to use instead', async (t) => {
  const target = join(DEV_DATA_DIR, 'guard-probe-never-created', 'auth.sqlite');
  const error = await t.throwsAsync(openOrm({ dbName: target, entities: [Probe] }), { instanceOf: DatabaseLocationRefusedError });
  t.regex(error!.message, /under \.\/data\//);
  t.regex(error!.message, /createTestOrm\(\)/);
  t.false(existsSync(join(DEV_DATA_DIR, 'guard-probe-never-created')), 'nothing was created on disk');
});

test('migrations never run against ./data/ under a test runner; the same migrations do run on a temp file', async (t) => {
  const ran: string[] = [];
  class ProbeTable extends Migration {
    override up(): void {
      ran.push(this.config.get('dbName'));
      this.addSql('create table `probe` (`id` integer not null primary key)');
    }
  }
  const probeMigrations = (dir: string): ServiceMigrations => ({ service: 'probe', dir, entities: [Probe], sqlite: [{ name: 'Migration20260101000000_probe', class: ProbeTable }] });
  const devDir = join(DEV_DATA_DIR, 'guard-probe-never-created');
  const refused = openOrm({ dbName: join(devDir, 'probe.sqlite'), entities: [Probe], migrations: probeMigrations(devDir) });
  await t.throwsAsync(refused, { instanceOf: DatabaseLocationRefusedError, message: /under \.\/data\// });
  t.deepEqual(ran, [], 'no migration ran');
  t.false(existsSync(devDir), 'nothing was created on disk');

  const temp = mkdtempSync(join(tmpdir(), 'ledgerline-guard-'));
  t.teardown(() => rmSync(temp, { recursive: true, force: true }));
  const orm = await openOrm({ dbName: join(temp, 'probe.sqlite'), entities: [Probe], migrations: probeMigrations(temp) });
  await orm.close(true);
  t.deepEqual(ran, [join(temp, 'probe.sqlite')], 'the control: the migration runs where it is allowed');
});

test('relative, dotted and cwd-relative spellings of ./data/ are refused too', (t) => {
  for (const dbName of ['data/auth.sqlite', './data/../data/x.sqlite', resolve(DEV_DATA_DIR, 'sub/../portfolio.sqlite')]) {
    t.throws(() => assertDatabaseAllowed(dbName, { cwd: resolve(DEV_DATA_DIR, '..') }), { instanceOf: DatabaseLocationRefusedError }, dbName);
  }
  t.throws(() => assertDatabaseAllowed('data/x.sqlite', { cwd: '/srv/elsewhere' }), { instanceOf: DatabaseLocationRefusedError });
});

test('a symlink in the temp dir that points into ./data/ is refused', (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'ledgerline-guard-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  symlinkSync(DEV_DATA_DIR, join(dir, 'sneaky'));
  t.throws(() => assertDatabaseAllowed(join(dir, 'sneaky', 'auth.sqlite')), { instanceOf: DatabaseLocationRefusedError });
});

test('under a test runner, a file outside the OS temp dir is refused; one inside it is allowed', (t) => {
  t.throws(() => assertDatabaseAllowed('/var/lib/ledgerline/auth.sqlite'), { message: /OS temp dir/ });
  t.notThrows(() => assertDatabaseAllowed(join(tmpdir(), 'ledgerline-x', 'auth.sqlite')));
  t.notThrows(() => assertDatabaseAllowed(':memory:'));
});

test('without a test runner (npm start), ./data/ is the normal place', (t) => {
  const noRunner = { env: {}, argv: ['node', 'src/main.ts'] };
  t.notThrows(() => assertDatabaseAllowed(join(DEV_DATA_DIR, 'auth.sqlite'), noRunner));
  t.is(detectTestRunner({}, ['node', 'src/main.ts']), undefined);
  t.is(detectTestRunner({ LEDGERLINE_TEST_RUN: '1' }, []), 'LEDGERLINE_TEST_RUN');
  t.is(detectTestRunner({ TEST_WORKER_INDEX: '0' }, []), 'TEST_WORKER_INDEX');
});
