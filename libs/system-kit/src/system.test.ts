import test from 'ava';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createInterface } from 'node:readline';
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
  // Two deposits at one instant (the history orders them by id), then a buy a day later.
  t.is((await trade({ type: 'deposit', amount: '500.05', executedAt: '2026-03-02T10:00:00.000Z' }, 'pg-deposit-1')).status, 201);
  t.is((await trade({ type: 'deposit', amount: '500.05', executedAt: '2026-03-02T10:00:00.000Z' }, 'pg-deposit-2')).status, 201);
  t.is((await trade({ type: 'buy', symbol: 'AAPL', quantity: '3', price: '100.03', fees: '0.01', executedAt: '2026-03-03T10:00:00.000Z' }, 'pg-buy')).status, 201);
  const portfolio = (await (await fetch(`${api}/portfolios/${portfolioId}`, { headers })).json()) as { cash: string };
  t.is(portfolio.cash, '700.00', 'exact decimal arithmetic on PostgreSQL: 2 × 500.05 − 3 × 100.03 − 0.01');

  // The history, a page of one at a time with its cursor: newest first, ties by id, each row once, then no cursor.
  type Page = { items: { id: string; type: string }[]; nextCursor: string | null };
  const pages: Page[] = [];
  for (let cursor: string | null = ''; cursor !== null && pages.length < 5;) {
    const response = await fetch(`${api}/transactions?portfolioId=${portfolioId}&limit=1${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, { headers });
    t.is(response.status, 200);
    const page = (await response.json()) as Page;
    pages.push(page);
    cursor = page.nextCursor;
  }
  const items = pages.flatMap((page) => page.items);
  t.deepEqual(items.map((item) => item.type), ['buy', 'deposit', 'deposit']);
  t.true(items[1].id > items[2].id, 'two trades at one instant come in descending id order');
  t.is(pages.length, 3);
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

test('the services stop by themselves when the process that started them dies without stopping them', async (t) => {
  const index = new URL('./index.ts', import.meta.url).href;
  const starter = spawn(process.execPath, ['--input-type=module', '-e', `
    const { startSystem } = await import(${JSON.stringify(index)});
    const system = await startSystem();
    console.log(JSON.stringify({ pids: Object.values(system.services).map((service) => service.pid), dataDir: system.dataDir }));
  `], { stdio: ['ignore', 'pipe', 'inherit'] });
  const [line] = (await once(createInterface({ input: starter.stdout! }), 'line')) as [string];
  const { pids, dataDir } = JSON.parse(line) as { pids: number[]; dataDir: string };
  // A zombie (exited, not yet reaped by its new parent) counts as gone.
  const alive = (pid: number) => existsSync(`/proc/${pid}`) && !/^\d+ \(.*\) Z /.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  t.teardown(() => {
    for (const pid of pids.filter(alive)) process.kill(pid, 'SIGKILL');
    rmSync(dataDir, { recursive: true, force: true }); // the starter's to remove, and it was killed
  });
  t.is(pids.filter(alive).length, 4);
  starter.kill('SIGKILL');
  const deadline = Date.now() + 15_000;
  while (pids.some(alive) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
  t.deepEqual(pids.filter(alive), [], 'no service outlives the process that started it');
});
