export { createTestOrm, type Teardown } from './test-orm.ts';
export { createTempDir, type TempDir } from './temp-db.ts';
export { createTestClock, type TestClock } from './clock.ts';
export { createTestLogger } from './logger.ts';
export { createTestTokenIssuer, uniqueEmail, type TestTokenIssuer } from './tokens.ts';
export { createTestApp, type TestApp, type TestBase } from './test-app.ts';
export { startFakeUpstream, closedPortUrl, type FakeUpstream, type FakeHandler, type Seen } from './fake-upstream.ts';
export { createTestFileOrm, createMigratedFileOrm, clearDatabase } from './file-orm.ts';
export {
  readUpgradeFixtures, restoreSqliteDump, dumpSqlite, replayReads, firstLoss,
  type UpgradeFixture, type UpgradeFixtureUser, type UpgradeRead, type ReadFn, type ReadBackResult,
} from './upgrade-fixture.ts';
export { registerMigrationTests, type MigrationTest, type MigrationTestOptions } from './migration-tests.ts';
export { createTestDatabases, testEngine, type TestDatabases, type TestEngine } from './test-databases.ts';
export { startThrowawayPostgres as startTestPostgres, type ThrowawayPostgres } from '@ledgerline/db-kit';
