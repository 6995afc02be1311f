/**
 * `npm run migrations:fixtures`: writes the upgrade fixtures — a developer's databases as this version leaves them.
 * Starts the whole system on fresh temp databases (built by the migrations, as `npm start` builds them), records a
 * realistic history through the gateway's API (two users, three portfolios, every kind of transaction, an opening
 * position), reads it back through the API, and writes per service
 * `services/<name>/migrations/sqlite/upgrade-fixtures/<newest migration>.sql` (a dump of its database) and `.json`
 * (the users and every read with the body the API answered). The upgrade tests and CI restore these dumps and
 * prove that every later migration keeps the data. Run it when the newest migration is the level you want to
 * freeze (e.g. in a worktree of an older commit); never rewrite a committed fixture.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { startSystem } from '@ledgerline/system-kit';
import { createTempDir, dumpSqlite, type UpgradeFixtureUser, type UpgradeRead } from '@ledgerline/test-kit';
import { REPO_ROOT } from './discover.ts';
import { gatewayApi, type GatewayApi } from './gateway-api.ts';

/** The services that own a database, and the first path segment of their routes. */
export const DATABASE_SERVICES = { auth: '/auth', portfolio: '/portfolios', transaction: '/transactions' } as const;
export type DatabaseService = keyof typeof DATABASE_SERVICES;

export function serviceOfPath(path: string): DatabaseService {
  const found = (Object.keys(DATABASE_SERVICES) as DatabaseService[]).find((s) => path.startsWith(DATABASE_SERVICES[s]));
  if (!found) throw new Error(`No database service serves ${path}`);
  return found;
}

export function newestMigration(dbPath: string): string {
  const db = new DatabaseSync(dbPath, { readOnly: true });
  try {
    return (db.prepare('select name from mikro_orm_migrations order by id desc limit 1').get() as { name: string }).name;
  } finally {
    db.close();
  }
}

interface Recorded {
  users: UpgradeFixtureUser[];
  reads: UpgradeRead[];
}

async function recordHistory(api: GatewayApi): Promise<Recorded> {
  const users: UpgradeFixtureUser[] = [];
  const reads: UpgradeRead[] = [];
  let key = 0;
  const signUp = async (email: string, fullName: string, riskTolerance: string) => {
    const password = 'Upgrade-Fixture-2026';
    const user = await api.post('/auth/register', { email, password, fullName, investmentProfile: { riskTolerance, horizonYears: 12, goals: ['retirement'] } });
    users.push({ id: user.id, email, password });
    const auth = { authorization: `Bearer ${await api.login(email, password)}` };
    const portfolio = async (name: string, baseCurrency: string) => (await api.post('/portfolios', { name, baseCurrency, description: `${fullName}'s ${name}` }, auth)).id;
    const record = (body: Record<string, string>) => api.post('/transactions', body, { ...auth, 'idempotency-key': `upgrade-fixture-${(key += 1)}` });
    return { id: user.id, auth, portfolio, record };
  };

  const ada = await signUp('ada@upgrade.example', 'Ada Lovelace', 'moderate');
  const retirement = await ada.portfolio('Retirement', 'USD');
  await ada.record({ portfolioId: retirement, type: 'deposit', amount: '10000.00', executedAt: '2026-01-05T09:30:00Z' });
  await ada.record({ portfolioId: retirement, type: 'buy', symbol: 'AAPL', quantity: '10', price: '150.00', fees: '1.00', executedAt: '2026-01-06T10:00:00Z' });
  await ada.record({ portfolioId: retirement, type: 'buy', symbol: 'VTI', quantity: '20.5', price: '95.1234', executedAt: '2026-01-07T11:15:00Z' });
  await ada.record({ portfolioId: retirement, type: 'sell', symbol: 'AAPL', quantity: '4', price: '200.00', fees: '0.50', executedAt: '2026-02-02T14:00:00Z' });
  await ada.record({ portfolioId: retirement, type: 'dividend', symbol: 'VTI', amount: '12.34', executedAt: '2026-03-01T08:00:00Z' });
  await ada.record({ portfolioId: retirement, type: 'fee', amount: '2.50', executedAt: '2026-03-31T23:59:00Z' });
  await ada.record({ portfolioId: retirement, type: 'withdrawal', amount: '500.00', executedAt: '2026-04-01T12:00:00Z' });
  const play = await ada.portfolio('Play money', 'EUR');
  await api.post(`/portfolios/${play}/holdings`, { symbol: 'MSFT', quantity: '3', averageCost: '310.00' }, ada.auth);
  await ada.record({ portfolioId: play, type: 'deposit', amount: '250.00', executedAt: '2026-02-10T09:00:00Z' });

  const ben = await signUp('ben@upgrade.example', 'Ben Graham', 'conservative');
  const core = await ben.portfolio('Core', 'USD');
  await ben.record({ portfolioId: core, type: 'deposit', amount: '5000.00', executedAt: '2026-01-15T09:00:00Z' });
  const buy = await ben.record({ portfolioId: core, type: 'buy', symbol: 'MSFT', quantity: '3.25', price: '410.00', fees: '1.25', executedAt: '2026-01-16T15:30:00Z' });

  const read = async (userId: string, auth: Record<string, string>, path: string) => {
    const { status, body } = await api.get(path, auth.authorization.slice('Bearer '.length));
    if (status !== 200) throw new Error(`GET ${path} → ${status} ${JSON.stringify(body)}`);
    reads.push({ path, userId, body });
  };
  for (const [user, portfolios] of [[ada, [retirement, play]], [ben, [core]]] as const) {
    await read(user.id, user.auth, '/auth/me');
    await read(user.id, user.auth, '/portfolios');
    for (const id of portfolios) {
      await read(user.id, user.auth, `/portfolios/${id}`);
      await read(user.id, user.auth, `/portfolios/${id}/holdings`);
      await read(user.id, user.auth, `/portfolios/${id}/performance`);
      await read(user.id, user.auth, `/transactions?portfolioId=${id}&limit=100`);
    }
    await read(user.id, user.auth, '/transactions?limit=3');
  }
  await read(ben.id, ben.auth, `/transactions/${buy.id}`);
  return { users, reads };
}

async function main(): Promise<void> {
  const temp = createTempDir('ledgerline-fixtures-');
  try {
    const system = await startSystem({ dataDir: temp.dir });
    let recorded: Recorded;
    try {
      recorded = await recordHistory(gatewayApi(system.gatewayUrl));
    } finally {
      await system.stop();
    }
    for (const service of Object.keys(DATABASE_SERVICES) as DatabaseService[]) {
      const dbPath = temp.dbPath(service);
      const migration = newestMigration(dbPath);
      const dir = join(REPO_ROOT, 'services', service, 'migrations/sqlite/upgrade-fixtures');
      if (existsSync(join(dir, `${migration}.sql`))) {
        console.log(`${service}: upgrade-fixtures/${migration}.sql exists and stays as committed (fixtures are frozen)`);
        continue;
      }
      mkdirSync(dir, { recursive: true });
      const reads = recorded.reads.filter((r) => serviceOfPath(r.path) === service);
      const userIds = new Set(reads.map((r) => r.userId));
      writeFileSync(join(dir, `${migration}.sql`), dumpSqlite(dbPath));
      writeFileSync(join(dir, `${migration}.json`), `${JSON.stringify({ users: recorded.users.filter((u) => userIds.has(u.id)), reads }, null, 2)}\n`);
      console.log(`${service}: wrote upgrade-fixtures/${migration}.sql and .json (${reads.length} reads)`);
    }
  } finally {
    temp.remove();
  }
}

if (import.meta.main) await main();
