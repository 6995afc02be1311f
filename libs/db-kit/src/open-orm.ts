import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { MikroORM, type Options } from '@mikro-orm/sqlite';
import type { EntitySchema } from '@mikro-orm/core';
import { assertDatabaseAllowed, isInMemory, type GuardOptions } from './guard.ts';

export type Orm = MikroORM;
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- entity schemas are heterogeneous by nature
export type AnyEntitySchema = EntitySchema<any, any>;

export interface DatabaseConfig {
  /** A file path, or ':memory:'. */
  dbName: string;
  /** The service's canonical entity definitions (one per table). */
  entities: AnyEntitySchema[];
  /** Create/update the schema on open (the embedded default). */
  updateSchema?: boolean;
  /** ms a writer waits for a lock before SQLITE_BUSY. */
  busyTimeoutMs?: number;
  debug?: boolean;
  /** Extra MikroORM options, rarely needed. */
  extra?: Partial<Options>;
}

/**
 * Opens a service's ORM from an explicit config: the only way any code in this repo opens a database.
 * File databases get WAL and a busy timeout; the location guard runs before anything touches the disk.
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
    ...config.extra,
  });
  const connection = orm.em.getConnection();
  await connection.execute('pragma foreign_keys = on');
  if (!memory) {
    await connection.execute('pragma journal_mode = wal');
    await connection.execute(`pragma busy_timeout = ${Math.trunc(config.busyTimeoutMs ?? 5000)}`);
    await connection.execute('pragma synchronous = normal');
  }
  if (config.updateSchema ?? true) await orm.schema.update();
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
