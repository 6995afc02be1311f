import { openOrm, type AnyEntitySchema, type Orm, type ServiceMigrations } from '@ledgerline/db-kit';

/**
 * A file-SQLite database at `dbPath` (which must be in the OS temp dir: the db-kit refuses anything else
 * under a test runner), schema created from the entities by the schema generator. For contract verification.
 */
export async function createTestFileOrm(entities: AnyEntitySchema[], dbPath: string): Promise<Orm> {
  const orm = await openOrm({ dbName: dbPath, entities });
  await orm.schema.update();
  return orm;
}

/**
 * A file-SQLite database at `dbPath` (OS temp dir) built — or brought up to date — by the service's migrations,
 * exactly as its main.ts does: for databases a real service process opens later (perf seeding) and for the
 * upgrade tests. `to` stops at an older migration.
 */
export function createMigratedFileOrm(migrations: ServiceMigrations, dbPath: string, options: { to?: string } = {}): Promise<Orm> {
  return openOrm({ dbName: dbPath, entities: migrations.entities, migrations, migrateTo: options.to });
}

/** Empties every table of the ORM's schema (between contract interactions). */
export async function clearDatabase(orm: Orm): Promise<void> {
  await orm.schema.clear();
}
