/**
 * The portfolio service's authorization matrix: every route of createApp, every caller kind (see
 * checkRoute in the test kit). A route added without a line here fails the coverage test, naming it.
 */
import test from 'ava';
import { randomUUID } from 'node:crypto';
import { registerAuthorizationMatrix, snapshotDatabase, type MatrixRoute, type MatrixWorld } from '@ledgerline/test-kit';
import { createPortfolioTestApp } from '../testing.ts';

const MATRIX: MatrixRoute[] = [
  { route: 'GET /health/live', access: 'public', ok: 200 },
  { route: 'GET /health/ready', access: 'public', ok: 200 },
  { route: 'GET /portfolios', access: 'user', ok: 200 },
  { route: 'POST /portfolios', access: 'user', ok: 201, request: { body: { name: 'Fresh', baseCurrency: 'USD' } } },
  { route: 'GET /portfolios/:id', access: 'owner', ok: 200 },
  { route: 'PATCH /portfolios/:id', access: 'owner', ok: 200, request: { body: { name: 'Renamed' } } },
  { route: 'DELETE /portfolios/:id', access: 'owner', ok: 204, request: { query: '?force=true' }, probe: { query: '?force=maybe' } },
  { route: 'GET /portfolios/:id/holdings', access: 'owner', ok: 200 },
  { route: 'POST /portfolios/:id/holdings', access: 'owner', ok: 201, request: { body: { symbol: 'MSFT', quantity: '1', averageCost: '1' } } },
  { route: 'GET /portfolios/:id/performance', access: 'owner', ok: 200 },
  { route: 'GET /instruments', access: 'user', ok: 200 },
  { route: 'GET /instruments/:symbol', access: 'user', ok: 200 },
  {
    route: 'PUT /instruments/:symbol/price',
    access: 'admin',
    ok: 200,
    request: { body: { price: '123.45' } },
    refuse: [{ name: 'a second plain user on an admin route', caller: (world) => world.other, status: 403, code: 'admin_only' }],
  },
  // Today: the end user's token, owner only (called by the transaction service on the user's behalf).
  {
    route: 'POST /internal/portfolios/:portfolioId/trades',
    access: 'owner',
    ok: 200,
    request: (world) => ({ body: { transactionId: randomUUID(), executedAt: world.clock.now().toISOString(), type: 'deposit', amount: '1.00' } }),
  },
];

/** The real app; the owner holds a portfolio with cash and a position, named with a secret. */
async function portfolioWorld(t: Parameters<typeof createPortfolioTestApp>[0]): Promise<MatrixWorld> {
  const app = await createPortfolioTestApp(t);
  const secret = `Secret-${randomUUID()}`;
  const portfolio = await app.createPortfolio({ name: secret });
  await app.applyOk(portfolio.id, { type: 'deposit', amount: '500.00' });
  await app.applyOk(portfolio.id, { type: 'buy', symbol: 'AAPL', quantity: '2', price: '100' });
  const caller = (user: { userId: string; token: string }, role: 'user' | 'admin' = 'user') => ({ userId: user.userId, token: user.token, role });
  return {
    app: app.app,
    http: app.http,
    clock: app.clock,
    signingKey: app.issuer.key,
    params: { id: portfolio.id, portfolioId: portfolio.id, symbol: 'AAPL' },
    owner: caller(app.user),
    other: caller(await app.signIn()),
    admin: caller(await app.signIn('admin'), 'admin'),
    signIn: async (role) => caller(await app.signIn(role), role),
    snapshot: () => snapshotDatabase(app.orm),
    secret,
  };
}

registerAuthorizationMatrix(test, { service: 'the portfolio service', matrix: MATRIX, world: portfolioWorld });
