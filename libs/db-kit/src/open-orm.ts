import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { AbstractSqlDriver, MikroORM, Options, SqlEntityManager } from '@mikro-orm/sql';
import type { EntitySchema } from '@mikro-orm/core';
import { startBackgroundCheckpoints, WAL_BOUND_PAGES, WAL_SIZE_LIMIT_BYTES } from './background-checkpoints.ts';
import { assertDatabaseAllowed, isInMemory, type GuardOptions } from './guard.ts';
import { dialectOf, parsePostgresUrl, type Dialect } from './location.ts';
import { migratorOptions, type ServiceMigrations } from './migrations.ts';

/** An ORM on either engine: services see only what every SQL driver offers. */
export type Orm = MikroORM<AbstractSqlDriver, SqlEntityManager<AbstractSqlDriver>>;
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- entity schemas are heterogeneous by nature
export type AnyEntitySchema = EntitySchema<any, any>;

export interface DatabaseConfig {
  /** A SQLite file path, ':memory:', or a PostgreSQL URL (`postgres://…`): the URL picks the PostgreSQL driver. */
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
  /**
   * File SQLite: how often (ms) a worker thread checkpoints the WAL (background-checkpoints.ts; default 100), or
   * `false` for SQLite's own checkpoints in the writer's thread every 1,000 pages.
   */
  backgroundCheckpointMs?: number | false;
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
  const dialect = dialectOf(config.dbName);
  const common = {
    entities: config.entities,
    debug: config.debug ?? false,
    allowGlobalContext: false,
    ...migratorOptions(config.migrations, dialect),
    ...config.extra,
  };
  const orm = dialect === 'postgresql' ? await openPostgres(config.dbName, common) : await openSqlite(config, common);
  if (config.migrations) await migrate(orm, dialect, config.migrations, config);
  if (dialect === 'sqlite') await orm.em.getConnection().execute('pragma foreign_keys = on');
  return orm;
}

/** File databases get WAL and a busy timeout. */
async function openSqlite(config: DatabaseConfig, options: Partial<Options>): Promise<Orm> {
  const memory = isInMemory(config.dbName);
  if (!memory) mkdirSync(dirname(config.dbName), { recursive: true });
  const { MikroORM } = await import('@mikro-orm/sqlite');
  const settings = { ...options, dbName: config.dbName } as never;
  // An in-memory database (a test's) is built with the synchronous constructor: the same discovery, but without
  // `init`'s probing for optional packages (seeder, entity generator) that are not installed — two failing module
  // resolutions per ORM, a third of a test ORM's start-up. The Migrator is registered explicitly either way.
  const orm = (memory ? await connected(new MikroORM(settings)) : await MikroORM.init(settings)) as unknown as Orm;
  const connection = orm.em.getConnection();
  if (!memory) {
    await connection.execute('pragma journal_mode = wal');
    await connection.execute(`pragma busy_timeout = ${Math.trunc(config.busyTimeoutMs ?? 5000)}`);
    await connection.execute('pragma synchronous = normal');
    if (config.backgroundCheckpointMs !== false) await withBackgroundCheckpoints(orm, config.dbName, config.backgroundCheckpointMs);
  }
  return orm;
}

/**
 * The WAL is checkpointed by a worker thread; the writer's own checkpoint waits until WAL_BOUND_PAGES, and closing the
 * ORM stops the worker first.
 */
async function withBackgroundCheckpoints(orm: Orm, file: string, intervalMs?: number): Promise<void> {
  const connection = orm.em.getConnection();
  await connection.execute(`pragma wal_autocheckpoint = ${WAL_BOUND_PAGES}`);
  await connection.execute(`pragma journal_size_limit = ${WAL_SIZE_LIMIT_BYTES}`);
  const checkpoints = startBackgroundCheckpoints(file, intervalMs);
  const close = orm.close.bind(orm);
  orm.close = async (force?: boolean) => {
    await checkpoints.stop();
    return close(force);
  };
}

async function connected<T extends { connect(): Promise<unknown> }>(orm: T): Promise<T> {
  await orm.connect();
  return orm;
}

/** The driver is loaded only when a PostgreSQL URL is configured. */
async function openPostgres(url: string, options: Partial<Options>): Promise<Orm> {
  const { MikroORM } = await import('@mikro-orm/postgresql');
  const { host, port, user, password, dbName } = parsePostgresUrl(url);
  return (await MikroORM.init({ ...options, host, port, user, password, dbName } as never)) as unknown as Orm;
}

/**
 * Applies the pending migrations of the database's dialect in one transaction. On SQLite with foreign keys off as its procedure for schema changes
 * asks (a table rebuilt by a migration must not cascade into, or be refused by, the rows that reference it), then
 * proves the data still satisfies every foreign key.
 */
async function migrate(orm: Orm, dialect: Dialect, migrations: ServiceMigrations, config: Pick<DatabaseConfig, 'migrateTo' | 'logger'>): Promise<void> {
  const { service } = migrations;
  if (config.migrateTo && !migrations[dialect].some((m) => m.name === config.migrateTo)) {
    await orm.close(true);
    throw new Error(`${service} has no migration named ${config.migrateTo} (${dialect})`);
  }
  // SQLite: the driver turns foreign keys on by default; the pragma only takes effect outside a transaction.
  // PostgreSQL checks foreign keys within each statement of the migration's transaction: nothing to switch.
  if (dialect === 'sqlite') await orm.em.getConnection().execute('pragma foreign_keys = off');
  const applied = await orm.migrator.up(config.migrateTo ? { to: config.migrateTo } : undefined);
  const broken = dialect === 'sqlite' ? await orm.em.getConnection().execute('pragma foreign_key_check') : [];
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
