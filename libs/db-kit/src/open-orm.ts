import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { MikroORM, type Options } from '@mikro-orm/sqlite';
import type { EntitySchema } from '@mikro-orm/core';
import { assertDatabaseAllowed, isInMemory, type GuardOptions } from './guard.ts';
import { migratorOptions, type ServiceMigrations } from './migrations.ts';

export type Orm = MikroORM;
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- entity schemas are heterogeneous by nature
export type AnyEntitySchema = EntitySchema<any, any>;

export interface DatabaseConfig {
  /** A file path, or ':memory:'. */
  dbName: string;
  /** The service's canonical entity definitions (one per table). */
  entities: AnyEntitySchema[];
  /**
   * The service's migrations: every pending one is applied on open (how `main.ts` and `npm start` get their
   * schema). Without them the database is opened as it is: test databases get their schema from the test kit.
   */
  migrations?: ServiceMigrations;
  /** Apply migrations only up to (and including) this one: upgrade tests and CI build an old database with it. */
  migrateTo?: string;
  /** Told which migrations were applied on open (e.g. a service logs them). */
  logger?: { info(data: object, message: string): void };
  /** ms a writer waits for a lock before SQLITE_BUSY. */
  busyTimeoutMs?: number;
  debug?: boolean;
  /** Extra MikroORM options, rarely needed. */
  extra?: Partial<Options>;
}

/**
 * Opens a service's ORM from an explicit config: the only way any code in this repo opens a database.
 * File databases get WAL and a busy timeout; the location guard runs before anything touches the disk — so
 * migrations, too, can never run against ./data/ under a test runner.
 */
export async function openOrm(config: DatabaseConfig, guard: GuardOptions = {}): Promise<Orm> {
  assertDatabaseAllowed(config.dbName, guard);
  const memory = isInMemory(config.dbName);
  if (!memory) mkdirSync(dirname(config.dbName), { recursive: true });
  const orm = await MikroORM.init({
    dbName: config.dbName,
    entities: config.entities,
    debug: config.debug ?? false,
    allowGlobalContext: false,
    ...migratorOptions(config.migrations),
    ...config.extra,
  });
  const connection = orm.em.getConnection();
  await connection.execute('pragma foreign_keys = on');
  if (!memory) {
    await connection.execute('pragma journal_mode = wal');
    await connection.execute(`pragma busy_timeout = ${Math.trunc(config.busyTimeoutMs ?? 5000)}`);
    await connection.execute('pragma synchronous = normal');
  }
  if (config.migrations) {
    if (config.migrateTo && !config.migrations.sqlite.some((m) => m.name === config.migrateTo)) {
      await orm.close(true);
      throw new Error(`${config.migrations.service} has no migration named ${config.migrateTo}`);
    }
    const applied = await orm.migrator.up(config.migrateTo ? { to: config.migrateTo } : undefined);
    if (applied.length) config.logger?.info({ applied: applied.map((m) => m.name) }, 'database migrated');
  }
  return orm;
}

/** Readiness probe used by /health/ready. */
export async function checkDatabase(orm: Orm): Promise<{ ok: boolean; reason?: string }> {
  try {
    if (!(await orm.isConnected())) return { ok: false, reason: 'not connected' };
    await orm.em.getConnection().execute('select 1');
    return { ok: true };
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : String(error) };
  }
}
