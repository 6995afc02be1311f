/**
 * The gateway as main.ts builds it: tokens verified through remoteKeys against a JWKS served on port 0, and
 * the default per-address limits (DEFAULT_GATEWAY_SETTINGS: 20 logins and 10 registrations a minute).
 */
import test from 'ava';
import { createServedIssuer } from '@ledgerline/test-kit';
import { DEFAULT_GATEWAY_SETTINGS } from './deps.ts';
import { createGatewayTestApp } from './testing.ts';

test('production: tokens are checked against the served JWKS; the default login and register limits hold exactly', async (t) => {
  const served = await createServedIssuer(t);
  const { http, upstreams, clock } = await createGatewayTestApp(t, { keys: served.keys });
  const token = await served.issuer.token({ now: clock.now() });
  upstreams.portfolio.on('GET /portfolios', (ctx) => {
    ctx.body = { items: [], nextCursor: null };
  });
  t.is((await http.get('/api/v1/portfolios').set('authorization', `Bearer ${token}`)).status, 200);
  t.is(served.jwks.fetches, 1);
  for (const upstream of Object.values(upstreams)) {
    upstream.otherwise((ctx) => {
      ctx.status = 401;
      ctx.body = { code: 'invalid_credentials', detail: 'The email or password is incorrect.' };
    });
  }
  for (const [path, { max }] of [['/api/v1/auth/login', DEFAULT_GATEWAY_SETTINGS.loginRateLimit], ['/api/v1/auth/register', DEFAULT_GATEWAY_SETTINGS.registerRateLimit]] as const) {
    const statuses = [];
    for (let i = 0; i <= max; i += 1) statuses.push((await http.post(path).send({ email: `u${i}@example.test`, password: 'x' })).status);
    t.deepEqual(statuses.slice(0, max).filter((status) => status === 429), [], `${path}: ${max} attempts a minute pass`);
    t.is(statuses[max], 429, `${path}: attempt ${max + 1} is limited`);
  }
});
