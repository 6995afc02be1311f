import test from 'ava';
import { createTestTokenIssuer } from '@ledgerline/test-kit';
import { createGatewayTestApp } from '../testing.ts';

test('a protected path without a token is 401 and never reaches the service', async (t) => {
  const { http, upstreams } = await createGatewayTestApp(t);
  for (const path of ['/api/v1/portfolios', '/api/v1/transactions', '/api/v1/auth/me', '/api/v1/instruments']) {
    const response = await http.get(path);
    t.is(response.status, 401, path);
    t.is(response.type, 'application/problem+json');
  }
  t.is(upstreams.portfolio.seen.length + upstreams.transaction.seen.length + upstreams.auth.seen.length, 0);
});

test('expired, tampered and foreign-key tokens are refused at the gateway', async (t) => {
  const { http, upstreams, issuer, clock } = await createGatewayTestApp(t);
  const expired = await issuer.token({ now: new Date(clock.now().getTime() - 3600_000), ttlSeconds: 60 });
  const valid = await issuer.token({ now: clock.now() });
  const [h, p, s] = valid.split('.');
  const tampered = `${h}.${Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(p, 'base64url').toString()), sub: 'someone-else' })).toString('base64url')}.${s}`;
  const foreign = await (await createTestTokenIssuer()).token();
  const codes = [];
  for (const token of [expired, tampered, foreign]) {
    const response = await http.get('/api/v1/portfolios').set('authorization', `Bearer ${token}`);
    t.is(response.status, 401);
    codes.push(response.body.code);
  }
  t.deepEqual(codes, ['token_expired', 'invalid_token', 'invalid_token']);
  t.is(upstreams.portfolio.seen.length, 0);
});

test('the verified token and a request id travel upstream; client-sent identity headers do not', async (t) => {
  const { http, upstreams, bearer } = await createGatewayTestApp(t);
  const auth = await bearer({ userId: 'user-7' });
  await http.get('/api/v1/portfolios').set('authorization', auth).set('x-user-id', 'admin').set('x-forwarded-user', 'admin').set('x-request-id', 'trace-1');
  const seen = upstreams.portfolio.seen.at(-1)!;
  t.is(seen.headers.authorization, auth);
  t.is(seen.headers['x-request-id'], 'trace-1');
  t.is(seen.headers['x-user-id'], undefined);
  t.is(seen.headers['x-forwarded-user'], undefined);
  await http.get('/api/v1/portfolios').set('authorization', auth);
  t.regex(String(upstreams.portfolio.seen.at(-1)!.headers['x-request-id']), /^[0-9a-f-]{36}$/, 'the gateway creates one when absent');
});

test('an inactive user is refused by the auth service and the gateway passes that on', async (t) => {
  const { http, upstreams, bearer } = await createGatewayTestApp(t);
  upstreams.auth.on('GET /auth/me', (ctx) => {
    ctx.status = 401;
    ctx.body = { code: 'account_inactive', title: 'Unauthorized', detail: 'This account is no longer active.' };
  });
  const response = await http.get('/api/v1/auth/me').set('authorization', await bearer());
  t.is(response.status, 401);
  t.is(response.body.code, 'account_inactive');
});

test('login and register need no token; the public routes do not forward one', async (t) => {
  const { http, upstreams } = await createGatewayTestApp(t);
  upstreams.auth.on('POST /auth/login', (ctx) => {
    ctx.body = { accessToken: 'a', refreshToken: 'r', tokenType: 'Bearer', expiresIn: 300 };
  });
  const response = await http.post('/api/v1/auth/login').set('authorization', 'Bearer junk').send({ email: 'a@example.test', password: 'x' });
  t.is(response.status, 200);
  t.is(response.headers['cache-control'], 'no-store');
  t.is(upstreams.auth.seen.at(-1)!.headers.authorization, undefined);
});
