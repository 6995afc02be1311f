import { Migration, Migrator, TSMigrationGenerator } from '@mikro-orm/migrations';
import type { MigrationDiff, MigrationObject } from '@mikro-orm/core';
import type { Options } from '@mikro-orm/sqlite';
import type { AnyEntitySchema } from './open-orm.ts';

export { Migration };

/** The SQL dialects a service keeps migrations for: one folder each under `services/<name>/migrations/`. */
export type Dialect = 'sqlite';

/** One dialect's migrations, oldest first, loaded statically (no glob, no TS transform at run time). */
export type MigrationList = readonly MigrationObject[];

/** A service's migrations: `services/<name>/migrations/index.ts` exports one of these as `migrations`. */
export interface ServiceMigrations {
  /** The owning service, named in every drift message. */
  service: string;
  /** Absolute path of `services/<name>/migrations` (the dialect folders live inside it). */
  dir: string;
  /** The entities these migrations build: the drift check and `migration:create` compare the two. */
  entities: AnyEntitySchema[];
  sqlite: MigrationList;
}

/** The dialect folder: `services/<name>/migrations/<dialect>`. */
export function dialectDir(migrations: ServiceMigrations, dialect: Dialect = 'sqlite'): string {
  return `${migrations.dir}/${dialect}`;
}

/**
 * Writes migrations that import `Migration` from the database kit (so services depend on no driver package)
 * and take their name from the generated index (no `override name`).
 */
export class LedgerlineMigrationGenerator extends TSMigrationGenerator {
  override generateMigrationFile(className: string, diff: MigrationDiff): string {
    return super
      .generateMigrationFile(className, diff)
      .replace(`import { Migration } from '@mikro-orm/migrations';`, `import { Migration } from '@ledgerline/db-kit';`)
      .replace(`  override name = '${className}';\n\n`, '');
  }
}

/** MikroORM options that register the migrator over a static list (no snapshot file: the database is the truth). */
export function migratorOptions(migrations?: ServiceMigrations): Pick<Options, 'extensions' | 'migrations'> {
  return {
    extensions: [Migrator],
    migrations: {
      migrationsList: [...(migrations?.sqlite ?? [])],
      path: migrations && dialectDir(migrations),
      snapshot: false,
      silent: true,
      transactional: true,
      allOrNothing: true,
      generator: LedgerlineMigrationGenerator,
    },
  };
}
