import type Koa from 'koa';
import supertest from 'supertest';
import { describeDrift, dialectDir, schemaDrift, type Orm, type ServiceMigrations } from '@ledgerline/db-kit';
import { createMigratedFileOrm } from './file-orm.ts';
import { createTempDir } from './temp-db.ts';
import { firstLoss, readUpgradeFixtures, replayReads, restoreSqliteDump, type UpgradeFixture } from './upgrade-fixture.ts';

/** AVA's surface the migration tests need (kept structural, like the contract kit's). */
export interface MigrationTest {
  (title: string, fn: (t: MigrationAssertions) => Promise<void>): void;
}

export interface MigrationAssertions {
  is(actual: unknown, expected: unknown, message?: string): void;
  deepEqual(actual: unknown, expected: unknown, message?: string): void;
  true(actual: boolean, message?: string): void;
  teardown(fn: () => unknown): void;
}

export interface MigrationTestOptions {
  migrations: ServiceMigrations;
  /** The service's own composition root on the upgraded database. */
  app(orm: Orm): Promise<Koa> | Koa;
  /** A token for one of the fixture's users, as the service accepts it (log in through the API, or a test-issued token). */
  tokenFor(http: ReturnType<typeof supertest>, userId: string, fixture: UpgradeFixture): Promise<string>;
}

/**
 * The integration layer's migration tests of one service, on file-SQLite in the OS temp dir:
 * - the drift check: the migrations, applied to an empty database, build exactly the schema the entities describe;
 * - one upgrade test per committed upgrade fixture: the database an older version left is upgraded by every later
 *   migration (the start-up path) and every read recorded then answers the same through the service's API.
 */
export function registerMigrationTests(test: MigrationTest, options: MigrationTestOptions): void {
  const { migrations } = options;
  const fixtures = readUpgradeFixtures(dialectDir(migrations));

  test(`${migrations.service}: the migrations build exactly the schema the entities describe (drift check)`, async (t) => {
    const problem = describeDrift(migrations.service, await schemaDrift(migrations));
    t.is(problem, undefined, problem);
  });

  test(`${migrations.service}: an upgrade fixture at the initial migration exists, so every later migration is tested on real data`, async (t) => {
    t.is(fixtures[0]?.migration, migrations.sqlite[0]?.name, 'run npm run migrations:fixtures at the initial migration (see TESTING.md)');
  });

  for (const fixture of fixtures) {
    test(`${migrations.service}: a database left at ${fixture.migration} keeps its data through every later migration`, async (t) => {
      const temp = createTempDir();
      t.teardown(() => temp.remove());
      const dbPath = temp.dbPath(migrations.service);
      restoreSqliteDump(dbPath, fixture.sql);
      const orm = await createMigratedFileOrm(migrations, dbPath);
      t.teardown(() => orm.close(true));
      const executed = (await orm.migrator.getExecuted()).map((m) => m.name);
      t.deepEqual(executed, migrations.sqlite.map((m) => m.name), 'every migration is applied, the later ones on top of the old data');

      const http = supertest((await options.app(orm)).callback());
      const read = async (path: string, token: string) => {
        const response = await http.get(path).set('authorization', `Bearer ${token}`);
        return { status: response.status, body: response.body as unknown };
      };
      const results = await replayReads(fixture, read, (userId) => options.tokenFor(http, userId, fixture));
      t.true(results.length > 0, 'the fixture records reads');
      for (const result of results) {
        t.is(result.status, 200, `GET ${result.path}`);
        const loss = firstLoss(result.expected, result.actual);
        t.is(loss, undefined, `GET ${result.path} lost data after the upgrade: ${loss}`);
      }
    });
  }
}
