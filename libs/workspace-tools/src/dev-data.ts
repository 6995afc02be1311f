/**
 * Seed 003's scenario and a developer's upgrade, made reproducible for CI. Builds ./data/ as an older version of
 * Ledgerline left it — each service's committed upgrade fixture at its initial migration, a history the services
 * recorded through their own API — then starts the services exactly as `npm start` does (outside any test runner),
 * which applies every later migration on start-up, and proves that every read recorded back then answers the same
 * through the gateway. Then it adds fresh content, so that CI can prove the whole suite leaves ./data/
 * byte-for-byte unchanged. Refuses to overwrite an existing ./data/<service>.sqlite.
 */
import { mkdirSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { startSystem } from '@ledgerline/system-kit';
import { firstLoss, readUpgradeFixtures, replayReads, restoreSqliteDump, type UpgradeFixture } from '@ledgerline/test-kit';
import { REPO_ROOT } from './discover.ts';
import { gatewayApi } from './gateway-api.ts';
import { DATABASE_SERVICES, newestMigration, type DatabaseService } from './upgrade-fixtures.ts';

const dataDir = resolve(REPO_ROOT, 'data');
const services = Object.keys(DATABASE_SERVICES) as DatabaseService[];
const sqliteDir = (service: DatabaseService) => join(REPO_ROOT, 'services', service, 'migrations/sqlite');

mkdirSync(dataDir, { recursive: true });
const fixtures = new Map<DatabaseService, UpgradeFixture>();
for (const service of services) {
  const fixture = readUpgradeFixtures(sqliteDir(service))[0];
  if (!fixture) throw new Error(`dev-data: ${service} has no upgrade fixture (npm run migrations:fixtures)`);
  restoreSqliteDump(join(dataDir, `${service}.sqlite`), fixture.sql);
  fixtures.set(service, fixture);
}
console.log(`dev-data: ./data/ restored as the initial migrations left it (${services.map((s) => `${s} at ${fixtures.get(s)!.migration}`).join(', ')})`);

const system = await startSystem({ dataDir, testRun: false });
try {
  const api = gatewayApi(system.gatewayUrl);
  const users = [...fixtures.values()].flatMap((f) => f.users);
  const tokens = new Map<string, string>();
  const tokenFor = async (userId: string) => {
    const user = users.find((u) => u.id === userId)!;
    if (!tokens.has(userId)) tokens.set(userId, await api.login(user.email, user.password));
    return tokens.get(userId)!;
  };
  let reads = 0;
  for (const [service, fixture] of fixtures) {
    for (const result of await replayReads(fixture, (path, token) => api.get(path, token), tokenFor)) {
      const loss = result.status === 200 ? firstLoss(result.expected, result.actual) : `status ${result.status}`;
      if (loss) throw new Error(`dev-data: after the upgrade, GET /api/v1${result.path} (${service}) lost data: ${loss}`);
      reads += 1;
    }
  }
  console.log(`dev-data: npm start's path upgraded ./data/; all ${reads} reads recorded before the upgrade answer the same through the gateway`);

  const email = `developer-${Date.now()}@ledgerline.local`;
  await api.post('/auth/register', { email, password: 'Developer-Data-42', fullName: 'Dev Data', investmentProfile: { riskTolerance: 'moderate', horizonYears: 10, goals: ['other'] } });
  const auth = { authorization: `Bearer ${await api.login(email, 'Developer-Data-42')}` };
  const portfolio = await api.post('/portfolios', { name: 'Developer portfolio', baseCurrency: 'USD' }, auth);
  await api.post('/transactions', { portfolioId: portfolio.id, type: 'deposit', amount: '1234.56' }, { ...auth, 'idempotency-key': `dev-${Date.now()}` });
  console.log(`dev-data: ./data/ also holds user ${email} with portfolio ${portfolio.id} and a deposit of 1234.56`);
} finally {
  await system.stop();
}

for (const service of services) {
  const newest = readdirSync(sqliteDir(service)).filter((f) => /^Migration\d{14}.*\.ts$/.test(f)).sort().at(-1)!.replace(/\.ts$/, '');
  const reached = newestMigration(join(dataDir, `${service}.sqlite`));
  if (reached !== newest) throw new Error(`dev-data: ./data/${service}.sqlite is at ${reached}, not at the newest migration ${newest}`);
  console.log(`dev-data: ./data/${service}.sqlite ${fixtures.get(service)!.migration} → ${reached}`);
}
