export { openOrm, checkDatabase, type Orm, type DatabaseConfig, type AnyEntitySchema } from './open-orm.ts';
export { requestEntityManager, type Em } from './request-context.ts';
export { assertDatabaseAllowed, isInMemory, REPO_ROOT, DEV_DATA_DIR, type GuardOptions } from './guard.ts';
export { detectTestRunner, type Env } from './test-runner.ts';
export { DatabaseLocationRefusedError } from './errors.ts';
export { describeDrift, schemaDrift, withMigratedTempDatabase, type SchemaDrift } from './schema-drift.ts';
export { Migration, dialectDir, type Dialect, type MigrationList, type ServiceMigrations } from './migrations.ts';
