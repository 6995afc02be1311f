import test from 'ava';
import { createGatewayTestApp } from '../testing.ts';

test('an upstream that is down is a 503 problem naming the service, and health/services shows it', async (t) => {
  const { http, bearer } = await createGatewayTestApp(t, { down: ['portfolio'] });
  const response = await http.get('/api/v1/portfolios').set('authorization', await bearer());
  t.is(response.status, 503);
  t.is(response.type, 'application/problem+json');
  t.is(response.body.code, 'portfolio_unavailable');
  t.regex(response.body.detail, /portfolio service/);
  const health = await http.get('/health/services');
  t.is(health.status, 503);
  t.like(health.body.services, { auth: { ok: true }, portfolio: { ok: false }, transaction: { ok: true } });
  // The gateway's own readiness stays 200: it answers every route, with this 503 problem for the one service down.
  t.is((await http.get('/health/ready')).status, 200);
});

test('an upstream that does not answer in time is a 504 naming the service', async (t) => {
  const { http, upstreams, bearer } = await createGatewayTestApp(t, { timeoutMs: 150 });
  upstreams.transaction.on('GET /transactions', async (ctx) => {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    ctx.body = { items: [], nextCursor: null };
  });
  const response = await http.get('/api/v1/transactions').set('authorization', await bearer());
  t.is(response.status, 504);
  t.is(response.body.code, 'transaction_timeout');
});

test('an upstream bug (500) is a 502 that leaks nothing of the upstream body', async (t) => {
  const { http, upstreams, bearer } = await createGatewayTestApp(t);
  upstreams.portfolio.on('GET /portfolios', (ctx) => {
    ctx.status = 500;
    ctx.body = { stack: 'Error: secret at /srv/app.ts:1' };
  });
  const response = await http.get('/api/v1/portfolios').set('authorization', await bearer());
  t.is(response.status, 502);
  t.is(response.body.code, 'portfolio_bad_response');
  t.false(JSON.stringify(response.body).includes('secret'));
});

test('an upstream refusal keeps its status, code and field errors (e.g. overselling)', async (t) => {
  const { http, upstreams, bearer } = await createGatewayTestApp(t);
  upstreams.transaction.on('POST /transactions', (ctx) => {
    ctx.status = 409;
    ctx.body = { code: 'insufficient_quantity', title: 'Conflict', detail: 'Cannot sell 20 AAPL: only 10 held.', errors: [{ field: 'quantity', code: 'insufficient_quantity', message: 'Only 10 held.' }] };
  });
  const response = await http.post('/api/v1/transactions').set('authorization', await bearer()).send({ portfolioId: 'p', type: 'sell' });
  t.is(response.status, 409);
  t.like(response.body, { code: 'insufficient_quantity', detail: 'Cannot sell 20 AAPL: only 10 held.' });
  t.is(response.body.errors[0].field, 'quantity');
});

test('bodies over the limit are refused at the gateway with 413', async (t) => {
  const { http, upstreams } = await createGatewayTestApp(t, { settings: { bodyLimit: '1kb' } });
  const response = await http.post('/api/v1/auth/register').send({ fullName: 'x'.repeat(5000) });
  t.is(response.status, 413);
  t.is(upstreams.auth.seen.length, 0);
});

test('login is rate limited per client address, with Retry-After, and the window resets', async (t) => {
  const { http, upstreams, clock } = await createGatewayTestApp(t, { settings: { loginRateLimit: { max: 3, windowMs: 60_000 } } });
  upstreams.auth.on('POST /auth/login', (ctx) => {
    ctx.status = 401;
    ctx.body = { code: 'invalid_credentials', detail: 'The email or password is incorrect.' };
  });
  for (let i = 0; i < 3; i += 1) t.is((await http.post('/api/v1/auth/login').send({ email: `u${i}@example.test`, password: 'x' })).status, 401);
  const limited = await http.post('/api/v1/auth/login').send({ email: 'other@example.test', password: 'x' });
  t.is(limited.status, 429);
  t.is(limited.headers['retry-after'], '60');
  t.is(upstreams.auth.seen.length, 3, 'the limited attempt never reached auth');
  clock.advance(60_000);
  t.is((await http.post('/api/v1/auth/login').send({ email: 'u@example.test', password: 'x' })).status, 401);
});

test('every response carries security headers and no CORS permission', async (t) => {
  const { http } = await createGatewayTestApp(t);
  const response = await http.get('/health/live').set('origin', 'https://evil.example');
  t.is(response.headers['x-content-type-options'], 'nosniff');
  t.is(response.headers['x-frame-options'], 'DENY');
  t.truthy(response.headers['content-security-policy']);
  t.false('access-control-allow-origin' in response.headers);
});
