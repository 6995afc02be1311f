import type { Orm } from '@ledgerline/db-kit';

/**
 * Every row of every table of the ORM's schema, read straight from the database (no identity map), in a
 * stable order: take one before a refused request and one after, and they must be equal.
 */
export async function snapshotDatabase(orm: Orm): Promise<Record<string, unknown[]>> {
  const connection = orm.em.fork().getConnection();
  const tables = [...new Set([...orm.getMetadata().getAll().values()].filter((meta) => meta.tableName && !meta.embeddable && !meta.virtual).map((meta) => meta.tableName))].sort();
  const snapshot: Record<string, unknown[]> = {};
  for (const table of tables) {
    const rows = await connection.execute<Record<string, unknown>[]>(`select * from "${table}"`);
    snapshot[table] = rows.map((row) => JSON.stringify(row)).sort();
  }
  return snapshot;
}
