import test from 'ava';
import { createGatewayTestApp } from '../testing.ts';

// Whole bodies as the services send them: every response here is also checked against the OpenAPI document.
const at = '2026-01-01T00:00:00.000Z';
const portfolioBody = { id: 'p-1', name: 'Core', baseCurrency: 'USD', description: null, cash: '0.00', createdAt: at, updatedAt: at };
const userBody = {
  id: 'u-1', email: 'a@example.test', fullName: 'A', role: 'user', active: true,
  investmentProfile: { riskTolerance: 'moderate', horizonYears: 5, goals: ['income'] }, createdAt: at, updatedAt: at,
};

test('public API paths reach the right service at the right path, with status and body passed back', async (t) => {
  const { http, upstreams, bearer } = await createGatewayTestApp(t);
  upstreams.auth.on('POST /auth/register', (ctx) => {
    ctx.status = 201;
    ctx.body = userBody;
  });
  upstreams.portfolio.on('GET /portfolios/p-1', (ctx) => {
    ctx.body = portfolioBody;
  });
  upstreams.transaction.on('GET /transactions', (ctx) => {
    ctx.body = { items: [], nextCursor: null };
  });
  const auth = await bearer();

  const registered = await http.post('/api/v1/auth/register').send({ email: 'a@example.test' });
  t.is(registered.status, 201);
  t.deepEqual(registered.body, userBody);
  t.deepEqual(upstreams.auth.seen.at(-1)!.body, { email: 'a@example.test' });

  t.deepEqual((await http.get('/api/v1/portfolios/p-1').set('authorization', auth)).body, portfolioBody);
  const history = await http.get('/api/v1/transactions?portfolioId=p-1&type=buy&limit=5&evil=1').set('authorization', auth);
  t.is(history.status, 200);
  t.deepEqual(upstreams.transaction.seen.at(-1)!.query, { portfolioId: 'p-1', type: 'buy', limit: '5' }, 'only known filters travel on');
});

const table: Array<[string, string, 'auth' | 'portfolio' | 'transaction', string]> = [
  ['GET', '/api/v1/auth/me', 'auth', '/auth/me'],
  ['PATCH', '/api/v1/auth/me', 'auth', '/auth/me'],
  ['POST', '/api/v1/auth/users/u-9/deactivate', 'auth', '/auth/users/u-9/deactivate'],
  ['GET', '/api/v1/portfolios', 'portfolio', '/portfolios'],
  ['PATCH', '/api/v1/portfolios/p-1', 'portfolio', '/portfolios/p-1'],
  ['DELETE', '/api/v1/portfolios/p-1?force=true', 'portfolio', '/portfolios/p-1'],
  ['GET', '/api/v1/portfolios/p-1/holdings', 'portfolio', '/portfolios/p-1/holdings'],
  ['GET', '/api/v1/portfolios/p-1/performance', 'portfolio', '/portfolios/p-1/performance'],
  ['GET', '/api/v1/instruments?q=AA', 'portfolio', '/instruments'],
  ['PUT', '/api/v1/instruments/AAPL/price', 'portfolio', '/instruments/AAPL/price'],
  ['GET', '/api/v1/transactions/t-1', 'transaction', '/transactions/t-1'],
];
for (const [method, path, service, upstreamPath] of table) {
  test(`routing: ${method} ${path} → ${service} ${upstreamPath}`, async (t) => {
    const { http, upstreams, bearer } = await createGatewayTestApp(t);
    await http[method.toLowerCase() as 'get'](path).set('authorization', await bearer()).send(method === 'GET' || method === 'DELETE' ? undefined : {});
    const seen = upstreams[service].seen.at(-1);
    t.truthy(seen, 'the request reached the service');
    t.is(seen!.method, method);
    t.is(seen!.path, upstreamPath);
  });
}

test('internal endpoints and unknown paths are not reachable through the gateway', async (t) => {
  const { http, upstreams, bearer } = await createGatewayTestApp(t);
  const auth = await bearer();
  for (const path of ['/api/v1/internal/portfolios/p-1/trades', '/internal/portfolios/p-1/trades', '/api/v1/portfolios/p-1/trades']) {
    const response = await http.post(path).set('authorization', auth).send({ transactionId: 'x' });
    t.true([404, 405].includes(response.status), `${path} → ${response.status}`);
  }
  t.is(upstreams.portfolio.seen.length, 0);
});

test('recording a transaction forwards the Idempotency-Key, reports a replay as 200 and passes a pending 202 through', async (t) => {
  const { http, upstreams, bearer } = await createGatewayTestApp(t);
  let calls = 0;
  const deposit = {
    id: 't-1', portfolioId: 'p-1', type: 'deposit', symbol: null, quantity: null, price: null, amount: '100.00', fees: '0.00',
    executedAt: '2026-01-01T00:00:00.000Z', createdAt: '2026-01-01T00:00:00.000Z', rejection: null,
  };
  upstreams.transaction.on('POST /transactions', (ctx) => {
    calls += 1;
    ctx.status = [201, 200, 202, 202][calls - 1];
    if (calls === 2 || calls === 4) ctx.set('idempotent-replayed', 'true');
    ctx.body = calls <= 2 ? { ...deposit, status: 'completed', result: { cash: '100.00', holding: null, realizedPnl: null } } : { ...deposit, id: 't-2', status: 'pending', result: null };
  });
  const auth = await bearer();
  const send = (key: string) => http.post('/api/v1/transactions').set('authorization', auth).set('idempotency-key', key).send({ portfolioId: 'p-1', type: 'deposit', amount: '100.00' });
  const first = await send('k-1');
  t.is(first.status, 201);
  t.is(first.headers.location, '/api/v1/transactions/t-1');
  const again = await send('k-1');
  t.is(again.status, 200);
  t.is(again.headers['idempotent-replayed'], 'true');
  t.is(upstreams.transaction.seen.at(-1)!.headers['idempotency-key'], 'k-1');
  const pending = await send('k-2');
  t.is(pending.status, 202);
  t.like(pending.body, { id: 't-2', status: 'pending', result: null });
  t.false('idempotent-replayed' in pending.headers);
  const pendingAgain = await send('k-2');
  t.is(pendingAgain.status, 202);
  t.is(pendingAgain.headers['idempotent-replayed'], 'true');
});

test('the history status filter is passed on', async (t) => {
  const { http, upstreams, bearer } = await createGatewayTestApp(t);
  upstreams.transaction.on('GET /transactions', (ctx) => {
    ctx.body = { items: [], nextCursor: null };
  });
  const response = await http.get('/api/v1/transactions?status=pending,rejected&type=buy').set('authorization', await bearer());
  t.is(response.status, 200);
  t.deepEqual(upstreams.transaction.seen.at(-1)!.query, { status: 'pending,rejected', type: 'buy' });
});
