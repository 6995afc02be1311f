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
  /** Apply migrations only up to (and including) this one: builds a database as an older version had it. */
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
  if (!memory) {
    await connection.execute('pragma journal_mode = wal');
    await connection.execute(`pragma busy_timeout = ${Math.trunc(config.busyTimeoutMs ?? 5000)}`);
    await connection.execute('pragma synchronous = normal');
  }
  if (config.migrations) await migrate(orm, config.migrations, config);
  await connection.execute('pragma foreign_keys = on');
  return orm;
}

/**
 * Applies the pending migrations in one transaction, with foreign keys off as SQLite's procedure for schema changes
 * asks (a table rebuilt by a migration must not cascade into, or be refused by, the rows that reference it), then
 * proves the data still satisfies every foreign key.
 */
async function migrate(orm: Orm, migrations: ServiceMigrations, config: Pick<DatabaseConfig, 'migrateTo' | 'logger'>): Promise<void> {
  const { service, sqlite } = migrations;
  if (config.migrateTo && !sqlite.some((m) => m.name === config.migrateTo)) {
    await orm.close(true);
    throw new Error(`${service} has no migration named ${config.migrateTo}`);
  }
  // The driver turns foreign keys on by default; the pragma only takes effect outside a transaction.
  await orm.em.getConnection().execute('pragma foreign_keys = off');
  const applied = await orm.migrator.up(config.migrateTo ? { to: config.migrateTo } : undefined);
  const broken = await orm.em.getConnection().execute('pragma foreign_key_check');
  if (broken.length) {
    await orm.close(true);
    throw new Error(`${service}: after the migrations, rows break foreign keys: ${JSON.stringify(broken.slice(0, 5))}`);
  }
  if (applied.length) config.logger?.info({ applied: applied.map((m) => m.name) }, 'database migrated');
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
