import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dialectDir, type Dialect, type ServiceMigrations } from './migrations.ts';
import { openOrm, type Orm } from './open-orm.ts';
import { startThrowawayPostgres } from './throwaway-postgres.ts';

/** A migration file's name without `.ts`: `Migration20261130120000_initial`. */
export const MIGRATION_FILE = /^(Migration\d{14}(?:_\w+)?)\.ts$/;

/**
 * Opens a fresh database of the dialect — file-SQLite in the OS temp dir, or a database in a throwaway PostgreSQL
 * cluster — applies the service's migrations (all, or up to `to`), runs `work` on it, and removes it.
 * Used by `migration:create` and the drift check.
 */
export async function withMigratedTempDatabase<T>(migrations: ServiceMigrations, work: (orm: Orm) => Promise<T>, to?: string, dialect: Dialect = 'sqlite'): Promise<T> {
  const open = (dbName: string) => openOrm({ dbName, entities: migrations.entities, migrations, migrateTo: to });
  const use = async (orm: Orm) => {
    try {
      return await work(orm);
    } finally {
      await orm.close(true);
    }
  };
  if (dialect === 'postgresql') {
    const cluster = await startThrowawayPostgres();
    try {
      return await use(await open(await cluster.createDatabase(migrations.service)));
    } finally {
      await cluster.stop();
    }
  }
  const dir = mkdtempSync(join(tmpdir(), `ledgerline-migrate-${migrations.service}-`));
  try {
    return await use(await open(join(dir, `${migrations.service}.sqlite`)));
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
  dialect: Dialect;
}

/** Compares what the migrations build on an empty database with what the entities describe. */
export async function schemaDrift(migrations: ServiceMigrations, dialect: Dialect = 'sqlite'): Promise<SchemaDrift> {
  const files = readdirSync(dialectDir(migrations, dialect)).flatMap((name) => MIGRATION_FILE.exec(name)?.[1] ?? []);
  const listed = migrations[dialect].map((m) => m.name);
  const sql = await withMigratedTempDatabase(migrations, async (orm) => (await orm.schema.getUpdateSchemaSQL({ wrap: false })).trim(), undefined, dialect);
  return { sql, unlisted: files.filter((f) => !listed.includes(f)), missing: listed.filter((n) => !files.includes(n)), dialect };
}

/** One message naming the service and every difference, or undefined when the migrations build exactly the entities. */
export function describeDrift(service: string, drift: SchemaDrift): string | undefined {
  const problems = [
    drift.sql && `the entities differ from the schema its ${drift.dialect} migrations build; the missing change is:\n${drift.sql}\nWrite the migration: npx nx run ${service}:migration:create --name <what-changed>`,
    drift.unlisted.length && `migration files not in migrations/${drift.dialect}/index.ts (they would never run): ${drift.unlisted.join(', ')} — rerun npx nx run ${service}:migration:create to regenerate the index`,
    drift.missing.length && `migrations/${drift.dialect}/index.ts lists migrations with no file: ${drift.missing.join(', ')}`,
  ].filter(Boolean);
  return problems.length ? `${service}: ${problems.join('\n')}` : undefined;
}
