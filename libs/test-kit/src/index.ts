export { createTestOrm, type Teardown, type TemplateSeed } from './test-orm.ts';
export { createTempDir, type TempDir } from './temp-db.ts';
export { createTestClock, TEST_CLOCK_START, type TestClock } from './clock.ts';
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
export { createTestDatabases, replicaOrmsOnPostgres, testEngine, type TestDatabases, type TestEngine } from './test-databases.ts';
export { startThrowawayPostgres as startTestPostgres, type ThrowawayPostgres } from '@ledgerline/db-kit';
export { snapshotDatabase } from './db-snapshot.ts';
export { startJwksServer, createServedIssuer, type JwksServer, type ServedIssuer } from './jwks-server.ts';
export { TOKEN_CASES, type TokenCase, type ForgeryBase } from './auth-matrix/forged-tokens.ts';
export { routeInventory, matrixGaps } from './auth-matrix/route-inventory.ts';
export { checkRoute, checkMatrixCoversApp, registerAuthorizationMatrix, type Access, type Assertions, type RegisterTest, type MatrixCaller, type MatrixRoute, type MatrixWorld, type RequestShape } from './auth-matrix/run-matrix.ts';
export { copyRepo, type RepoCopy } from './repo-copy.ts';
export { proveBite, type BiteMutation } from './prove-bite.ts';
export { problemOf, problem, type ProblemSummary } from './problems.ts';
