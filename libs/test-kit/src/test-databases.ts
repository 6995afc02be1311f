import { startThrowawayPostgres, type Orm, type ThrowawayPostgres } from '@ledgerline/db-kit';
import { createTempDir } from './temp-db.ts';
import type { Teardown } from './test-orm.ts';

/** The engine a test run's file databases use: `LEDGERLINE_DB=postgres` switches the contract, e2e and perf layers. */
export type TestEngine = 'sqlite' | 'postgres';

export function testEngine(env: Record<string, string | undefined> = process.env): TestEngine {
  const value = env.LEDGERLINE_DB ?? 'sqlite';
  if (value !== 'sqlite' && value !== 'postgres') throw new Error(`LEDGERLINE_DB="${value}": use sqlite (the default) or postgres`);
  return value;
}

export interface TestDatabases {
  engine: TestEngine;
  /** A fresh, empty database named after `name` (a service): a file path in a temp dir, or a URL in a throwaway cluster. */
  location(name: string): Promise<string>;
  /** Removes every database made here (the temp dir, or the cluster: stopped and deleted). */
  remove(): Promise<void>;
}

/**
 * Where a test run keeps its real (non-memory) databases, on the engine `LEDGERLINE_DB` names: SQLite files in a
 * fresh dir of the OS temp dir, or a throwaway PostgreSQL cluster (Unix socket only) started on first use — one new
 * database per `location()` call; under `npm test`, fresh databases in the run's one cluster instead (`env` names it,
 * see `startThrowawayPostgres`), dropped by `remove()`. The db-kit's guard lets a test process open exactly these.
 */
export function createTestDatabases(prefix = 'ledgerline-', engine: TestEngine = testEngine(), env: Record<string, string | undefined> = process.env): TestDatabases {
  if (engine === 'sqlite') {
    const temp = createTempDir(prefix);
    return { engine, location: async (name) => temp.dbPath(name), remove: async () => temp.remove() };
  }
  let cluster: Promise<ThrowawayPostgres> | undefined;
  let count = 0;
  return {
    engine,
    async location(name) {
      cluster ??= startThrowawayPostgres(env);
      return (await cluster).createDatabase(`${name.toLowerCase().replace(/[^a-z0-9_]/g, '_')}_${++count}`);
    },
    async remove() {
      const started = cluster;
      cluster = undefined;
      await (await started)?.stop();
    },
  };
}

/**
 * Two ORMs on one fresh database of a throwaway PostgreSQL cluster — what two replicas of a service (two processes,
 * each with its own connection pool) have — both closed and the cluster removed after the test. `open` builds each
 * ORM from the database URL (e.g. `createMigratedFileOrm(migrations, url)`), the first one first.
 */
export async function replicaOrmsOnPostgres(t: Teardown, service: string, open: (url: string) => Promise<Orm>): Promise<[Orm, Orm]> {
  const databases = createTestDatabases(`ledgerline-${service}-replicas-`, 'postgres');
  t.teardown(() => databases.remove());
  const url = await databases.location(service);
  const first = await open(url);
  const second = await open(url);
  t.teardown(() => Promise.all([first.close(true), second.close(true)]));
  return [first, second];
}
