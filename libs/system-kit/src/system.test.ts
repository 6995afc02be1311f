import test from 'ava';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createTestDatabases } from '@ledgerline/test-kit';
import { startSystem } from './index.ts';

test('the whole system starts on free ports with temp databases, answers through the gateway, and stops leaving nothing', async (t) => {
  const system = await startSystem();
  let stopped = false;
  t.teardown(async () => {
    if (!stopped) await system.stop();
  });
  const health = await fetch(`${system.gatewayUrl}/health/services`);
  t.is(health.status, 200);
  t.deepEqual(Object.keys(((await health.json()) as { services: object }).services).sort(), ['auth', 'portfolio', 'transaction']);

  const login = await fetch(`${system.gatewayUrl}/api/v1/auth/login`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(system.admin),
  });
  t.is(login.status, 200, 'the configured admin can log in');
  const { accessToken } = (await login.json()) as { accessToken: string };
  const instruments = await fetch(`${system.gatewayUrl}/api/v1/instruments?q=AAPL`, { headers: { authorization: `Bearer ${accessToken}` } });
  t.is(instruments.status, 200);
  t.true(((await instruments.json()) as { items: Array<{ symbol: string }> }).items.some((i: { symbol: string }) => i.symbol === 'AAPL'));

  t.true(existsSync(system.dataDir));
  await system.stop();
  stopped = true;
  t.false(existsSync(system.dataDir), 'the temp data dir is removed');
});

test('on PostgreSQL (the services get <SERVICE>_DATABASE_URL), a deposit and a buy through the gateway are recorded and read back', async (t) => {
  const databases = createTestDatabases('ledgerline-system-pg-', 'postgres');
  t.teardown(() => databases.remove());
  const [auth, portfolioDb, transaction] = await Promise.all(['auth', 'portfolio', 'transaction'].map((name) => databases.location(name)));
  const system = await startSystem({ databases: { auth, portfolio: portfolioDb, transaction } });
  t.teardown(() => system.stop());
  const api = `${system.gatewayUrl}/api/v1`;
  const login = await fetch(`${api}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(system.admin) });
  t.is(login.status, 200);
  const headers = { authorization: `Bearer ${((await login.json()) as { accessToken: string }).accessToken}`, 'content-type': 'application/json' };
  const created = await fetch(`${api}/portfolios`, { method: 'POST', headers, body: JSON.stringify({ name: 'On PostgreSQL', baseCurrency: 'USD' }) });
  t.is(created.status, 201);
  const portfolioId = ((await created.json()) as { id: string }).id;
  const trade = (body: object, key: string) => fetch(`${api}/transactions`, { method: 'POST', headers: { ...headers, 'idempotency-key': key }, body: JSON.stringify({ portfolioId, ...body }) });
  t.is((await trade({ type: 'deposit', amount: '1000.10' }, 'pg-deposit')).status, 201);
  t.is((await trade({ type: 'buy', symbol: 'AAPL', quantity: '3', price: '100.03', fees: '0.01' }, 'pg-buy')).status, 201);
  const portfolio = (await (await fetch(`${api}/portfolios/${portfolioId}`, { headers })).json()) as { cash: string };
  t.is(portfolio.cash, '700.00', 'exact decimal arithmetic on PostgreSQL: 1000.10 − 3 × 100.03 − 0.01');
});

test('a service that cannot start fails the start with its name and output, and no process of the system is left running', async (t) => {
  // Every process starts at once (launch-service.ts): the ones still waiting for their turn must be stopped too.
  const mark = `system-test-${process.pid}-${Date.now()}`;
  const databases = createTestDatabases('ledgerline-system-');
  t.teardown(() => databases.remove());
  const [portfolio, transaction] = await Promise.all([databases.location('portfolio'), databases.location('transaction')]);
  // The first service fails: the three after it were all loading, or waiting for its address, when it did.
  const error = await t.throwsAsync(startSystem({ databases: { auth: '/proc/no-such-dir/auth.sqlite', portfolio, transaction }, env: { LEDGERLINE_SYSTEM_TEST_MARK: mark } }));
  t.regex(error.message, /^auth exited with code \d+ before it was listening:[\s\S]*no-such-dir/);
  const left = readdirSync('/proc').filter((pid) => /^\d+$/.test(pid)).filter((pid) => {
    try {
      return readFileSync(`/proc/${pid}/environ`, 'utf8').includes(mark);
    } catch {
      return false; // gone meanwhile, or not ours to read
    }
  });
  t.deepEqual(left, [], 'every service process is stopped, those still waiting for their turn included');
});
