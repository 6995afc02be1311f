import { openOrm, type AnyEntitySchema, type Orm } from '@ledgerline/db-kit';

/**
 * A file-SQLite database at `dbPath` (which must be in the OS temp dir: the db-kit refuses anything else
 * under a test runner), schema created. For contract verification, e2e and perf runs.
 */
export function createTestFileOrm(entities: AnyEntitySchema[], dbPath: string): Promise<Orm> {
  return openOrm({ dbName: dbPath, entities, updateSchema: true });
}

/** Empties every table of the ORM's schema (between contract interactions). */
export async function clearDatabase(orm: Orm): Promise<void> {
  await orm.schema.clear();
}
