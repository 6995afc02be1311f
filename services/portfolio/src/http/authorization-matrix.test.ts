/**
 * The portfolio service's authorization matrix: every route of createApp, every caller kind (see
 * checkRoute in the test kit). A route added without a line here fails the coverage test, naming it.
 */
import test from 'ava';
import { randomUUID } from 'node:crypto';
import { signOnBehalfOfToken, TRANSACTION_TO_PORTFOLIO, type SigningKey } from '@ledgerline/auth-tokens';
import { registerAuthorizationMatrix, snapshotDatabase, type MatrixCaller, type MatrixRoute, type MatrixWorld } from '@ledgerline/test-kit';
import { createPortfolioTestApp } from '../testing.ts';

/** The service's own world: the owner's access token, refused on the internal API. */
const ownAccessToken = { name: 'the owner\'s own access token (not the transaction service\'s)', caller: (world: MatrixWorld) => world.owner, status: 401, code: 'invalid_token' };

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
  // The internal API: only the transaction service's on-behalf-of tokens, for the portfolio's owner.
  {
    route: 'POST /internal/portfolios/:portfolioId/trades',
    access: 'owner',
    ok: 200,
    callers: onBehalfOf,
    refuse: [ownAccessToken],
    request: (world) => ({ body: { transactionId: randomUUID(), executedAt: world.clock.now().toISOString(), type: 'deposit', amount: '1.00' } }),
  },
  // A batch's header only has to be one of the transaction service's tokens (for any user): each trade carries its
  // own user's token and is applied for that user only, proved per trade in trades/trade-batch.test.ts.
  {
    route: 'POST /internal/trade-batches',
    access: 'user',
    ok: 200,
    callers: onBehalfOf,
    refuse: [ownAccessToken],
    request: (world) => ({
      body: { trades: [{ transactionId: randomUUID(), executedAt: world.clock.now().toISOString(), type: 'deposit', amount: '1.00', portfolioId: world.params.portfolioId, onBehalfOf: world.owner.token }] },
    }),
  },
  { route: 'GET /internal/trades/:transactionId', access: 'owner', ok: 200, callers: onBehalfOf, refuse: [ownAccessToken], hidden: { status: 404, code: 'trade_not_applied' } },
];

/** The same users as the transaction service's on-behalf-of tokens (signed with its key), as the internal API is called. */
async function onBehalfOf(world: MatrixWorld): Promise<Pick<MatrixWorld, 'owner' | 'other' | 'admin' | 'signIn' | 'signingKey'>> {
  const { transactionKey } = world as PortfolioWorld;
  const service = async (caller: MatrixCaller): Promise<MatrixCaller> => ({
    ...caller,
    token: await signOnBehalfOfToken(transactionKey, TRANSACTION_TO_PORTFOLIO, { userId: caller.userId, ttlSeconds: 60, now: world.clock.now() }),
  });
  return {
    owner: await service(world.owner),
    other: await service(world.other),
    admin: await service(world.admin),
    signIn: async (role) => service(await world.signIn(role)),
    signingKey: transactionKey,
  };
}

interface PortfolioWorld extends MatrixWorld {
  transactionKey: SigningKey;
}

/** The real app; the owner holds a portfolio with cash and a position, named with a secret. */
async function portfolioWorld(t: Parameters<typeof createPortfolioTestApp>[0]): Promise<PortfolioWorld> {
  const app = await createPortfolioTestApp(t);
  const secret = `Secret-${randomUUID()}`;
  const portfolio = await app.createPortfolio({ name: secret });
  const deposit = await app.applyOk(portfolio.id, { type: 'deposit', amount: '500.00' });
  await app.applyOk(portfolio.id, { type: 'buy', symbol: 'AAPL', quantity: '2', price: '100' });
  const caller = (user: { userId: string; token: string }, role: 'user' | 'admin' = 'user') => ({ userId: user.userId, token: user.token, role });
  return {
    app: app.app,
    http: app.http,
    clock: app.clock,
    signingKey: app.issuer.key,
    params: { id: portfolio.id, portfolioId: portfolio.id, symbol: 'AAPL', transactionId: deposit.transactionId },
    transactionKey: app.transactionKey,
    owner: caller(app.user),
    other: caller(await app.signIn()),
    admin: caller(await app.signIn('admin'), 'admin'),
    signIn: async (role) => caller(await app.signIn(role), role),
    snapshot: () => snapshotDatabase(app.orm),
    secret,
  };
}

registerAuthorizationMatrix(test, { service: 'the portfolio service', matrix: MATRIX, world: portfolioWorld });
