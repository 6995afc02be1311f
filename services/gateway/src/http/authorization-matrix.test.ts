/**
 * The gateway's authorization matrix: every route of createApp, every caller kind (see checkRoute in the
 * test kit). The gateway decides only whether a token is valid; roles and ownership are decided by the
 * service behind it, which receives the caller's own token unchanged — so here every protected route is
 * `user`, a refused request never reaches a service, and an accepted one arrives with the caller's token.
 * The fake services answer every call with a 409 problem, which the gateway passes on as it is (a sentinel no
 * route documents, so this app skips the OpenAPI response check; routing tests and the provider verification
 * check real bodies against the document).
 */
import test from 'ava';
import { randomUUID } from 'node:crypto';
import type { Role } from '@ledgerline/auth-tokens';
import { registerAuthorizationMatrix, type MatrixRoute, type MatrixWorld } from '@ledgerline/test-kit';
import { createGatewayTestApp } from '../testing.ts';

/** What the fake services answer: a problem the gateway hands back unchanged. */
const DECIDED_UPSTREAM = 409;

const MATRIX: MatrixRoute[] = [
  { route: 'GET /health/live', access: 'public', ok: 200 },
  { route: 'GET /health/ready', access: 'public', ok: 200 },
  { route: 'GET /health/services', access: 'public', ok: 200 },
  { route: 'GET /api/v1/openapi.json', access: 'public', ok: 200 },
  { route: 'GET /api/docs', access: 'public', ok: 200 },
  { route: 'GET /api/docs/init.js', access: 'public', ok: 200 },
  { route: 'GET /api/docs/scalar.js', access: 'public', ok: 200 },
  { route: 'GET /api/v1/auth/password-policy', access: 'public', ok: DECIDED_UPSTREAM },
  { route: 'POST /api/v1/auth/register', access: 'public', ok: DECIDED_UPSTREAM, request: { body: {} } },
  { route: 'POST /api/v1/auth/login', access: 'public', ok: DECIDED_UPSTREAM, request: { body: {} } },
  { route: 'POST /api/v1/auth/refresh', access: 'public', ok: DECIDED_UPSTREAM, request: { body: {} } },
  { route: 'POST /api/v1/auth/logout', access: 'public', ok: DECIDED_UPSTREAM, request: { body: {} } },
  { route: 'GET /api/v1/auth/me', access: 'user', ok: DECIDED_UPSTREAM },
  { route: 'PATCH /api/v1/auth/me', access: 'user', ok: DECIDED_UPSTREAM, request: { body: { fullName: 'Ada' } } },
  // admin only: decided by auth (its matrix proves it); the gateway demands a valid token
  { route: 'POST /api/v1/auth/users/:id/deactivate', access: 'user', ok: DECIDED_UPSTREAM },
  { route: 'GET /api/v1/portfolios', access: 'user', ok: DECIDED_UPSTREAM },
  { route: 'POST /api/v1/portfolios', access: 'user', ok: DECIDED_UPSTREAM, request: { body: { name: 'Core', baseCurrency: 'USD' } } },
  { route: 'GET /api/v1/portfolios/:id', access: 'user', ok: DECIDED_UPSTREAM },
  { route: 'PATCH /api/v1/portfolios/:id', access: 'user', ok: DECIDED_UPSTREAM, request: { body: { name: 'Renamed' } } },
  { route: 'DELETE /api/v1/portfolios/:id', access: 'user', ok: DECIDED_UPSTREAM },
  { route: 'GET /api/v1/portfolios/:id/holdings', access: 'user', ok: DECIDED_UPSTREAM },
  { route: 'POST /api/v1/portfolios/:id/holdings', access: 'user', ok: DECIDED_UPSTREAM, request: { body: { symbol: 'MSFT', quantity: '1', averageCost: '1' } } },
  { route: 'GET /api/v1/portfolios/:id/performance', access: 'user', ok: DECIDED_UPSTREAM },
  { route: 'GET /api/v1/instruments', access: 'user', ok: DECIDED_UPSTREAM },
  { route: 'GET /api/v1/instruments/:symbol', access: 'user', ok: DECIDED_UPSTREAM },
  // admin only: decided by the portfolio service
  { route: 'PUT /api/v1/instruments/:symbol/price', access: 'user', ok: DECIDED_UPSTREAM, request: { body: { price: '1.00' } } },
  { route: 'POST /api/v1/transactions', access: 'user', ok: DECIDED_UPSTREAM, request: { body: { portfolioId: randomUUID(), type: 'deposit', amount: '1.00' } } },
  { route: 'GET /api/v1/transactions', access: 'user', ok: DECIDED_UPSTREAM },
  { route: 'GET /api/v1/transactions/:id', access: 'user', ok: DECIDED_UPSTREAM },
];

async function gatewayWorld(t: Parameters<typeof createGatewayTestApp>[0]): Promise<MatrixWorld> {
  const gateway = await createGatewayTestApp(t, { checkResponses: false });
  let forwarded: string | undefined;
  for (const upstream of Object.values(gateway.upstreams)) {
    upstream.on('GET /health/ready', (ctx) => {
      ctx.body = { status: 'ok' };
    });
    upstream.otherwise((ctx) => {
      forwarded = ctx.get('authorization') || undefined;
      ctx.status = DECIDED_UPSTREAM;
      ctx.type = 'application/problem+json';
      ctx.body = { code: 'decided_upstream', title: 'Conflict', detail: 'The service behind the gateway decided.' };
    });
  }
  const signIn = async (role: Role) => {
    const userId = randomUUID();
    return { userId, role, token: await gateway.issuer.token({ userId, role, now: gateway.clock.now() }) };
  };
  return {
    app: gateway.app,
    http: gateway.http,
    clock: gateway.clock,
    signingKey: gateway.issuer.key,
    params: { id: randomUUID(), symbol: 'AAPL' },
    owner: await signIn('user'),
    other: await signIn('user'),
    admin: await signIn('admin'),
    signIn,
    snapshot: async () => Object.values(gateway.upstreams).map((upstream) => upstream.seen.filter((seen) => !seen.path.startsWith('/health/')).length),
    forwardedAuthorization: () => forwarded,
  };
}

registerAuthorizationMatrix(test, { service: 'the gateway', matrix: MATRIX, world: gatewayWorld });
