import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dialectDir, type ServiceMigrations } from './migrations.ts';
import { openOrm, type Orm } from './open-orm.ts';

/** A migration file's name without `.ts`: `Migration20261130120000_initial`. */
export const MIGRATION_FILE = /^(Migration\d{14}(?:_\w+)?)\.ts$/;

/**
 * Opens a fresh file-SQLite database in the OS temp dir, applies the service's migrations (all, or up to `to`),
 * runs `work` on it, and removes it. Used by `migration:create` and the drift check.
 */
export async function withMigratedTempDatabase<T>(migrations: ServiceMigrations, work: (orm: Orm) => Promise<T>, to?: string): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), `ledgerline-migrate-${migrations.service}-`));
  try {
    const orm = await openOrm({ dbName: join(dir, `${migrations.service}.sqlite`), entities: migrations.entities, migrations, migrateTo: to });
    try {
      return await work(orm);
    } finally {
      await orm.close(true);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export interface SchemaDrift {
  /** The SQL that would turn the migrated schema into the entities' schema ('' when they agree). */
  sql: string;
  /** Migration files in the dialect folder that the index does not list (they would never run). */
  unlisted: string[];
  /** Names the index lists with no file behind them. */
  missing: string[];
}

/** Compares what the migrations build on an empty database with what the entities describe. */
export async function schemaDrift(migrations: ServiceMigrations): Promise<SchemaDrift> {
  const files = readdirSync(dialectDir(migrations)).flatMap((name) => MIGRATION_FILE.exec(name)?.[1] ?? []);
  const listed = migrations.sqlite.map((m) => m.name);
  const sql = await withMigratedTempDatabase(migrations, async (orm) => (await orm.schema.getUpdateSchemaSQL({ wrap: false })).trim());
  return { sql, unlisted: files.filter((f) => !listed.includes(f)), missing: listed.filter((n) => !files.includes(n)) };
}

/** One message naming the service and every difference, or undefined when the migrations build exactly the entities. */
export function describeDrift(service: string, drift: SchemaDrift): string | undefined {
  const problems = [
    drift.sql && `the entities differ from the schema its migrations build; the missing change is:\n${drift.sql}\nWrite the migration: npx nx run ${service}:migration:create --name <what-changed>`,
    drift.unlisted.length && `migration files not in migrations/sqlite/index.ts (they would never run): ${drift.unlisted.join(', ')} — rerun npx nx run ${service}:migration:create to regenerate the index`,
    drift.missing.length && `migrations/sqlite/index.ts lists migrations with no file: ${drift.missing.join(', ')}`,
  ].filter(Boolean);
  return problems.length ? `${service}: ${problems.join('\n')}` : undefined;
}
