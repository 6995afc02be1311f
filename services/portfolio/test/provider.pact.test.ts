/**
 * Provider verification for the portfolio service: every pact in contracts/ that names "portfolio"
 * (gateway → portfolio, transaction → portfolio), verified against the real app (createApp) on port 0 with a
 * fresh file-SQLite database in the OS temp dir. The instrument universe is seeded through seedInstruments
 * after every reset; provider states create their data through the service's own use cases; the request
 * filter signs a fresh token for the state's actor with a test issuer whose JWKS the app gets via localKeys (and, in
 * a batch of trades, a fresh on-behalf-of token for each trade's user).
 *
 * Cross-entity check: after "apply a buy of 5 at 130.00" is verified (its response carries literal figures),
 * an afterInteraction hook reads the holding and the cash back through the service's own repositories, before the
 * next interaction resets the database — so the verification also proves the trade was committed.
 */
import test from 'ava';
import { randomUUID } from 'node:crypto';
import type Koa from 'koa';
import { generateSigningKey, localKeys, signOnBehalfOfToken, toJwks, TRANSACTION_TO_PORTFOLIO, type Role, type SigningKey } from '@ledgerline/auth-tokens';
import type { Orm } from '@ledgerline/db-kit';
import { createTestFileOrm, createTestLogger, createTestTokenIssuer, type TestTokenIssuer } from '@ledgerline/test-kit';
import { serveProvider, verifyPactsFor } from '@ledgerline/contract-kit';
import { createApp } from '../src/app.ts';
import { portfolioEntities } from '../src/entities.ts';
import { seedInstruments } from '../src/instruments/seed-instruments.ts';
import { createPortfolio } from '../src/portfolios/create-portfolio.ts';
import { createPortfolioSchema } from '../src/portfolios/portfolio.schemas.ts';
import { portfolioRepository } from '../src/portfolios/portfolio.repository.ts';
import { openPosition } from '../src/holdings/open-position.ts';
import { openPositionSchema } from '../src/holdings/holding.schemas.ts';
import { holdingRepository } from '../src/holdings/holding.repository.ts';
import { applyTradeToPortfolio } from '../src/trades/apply-trade-to-portfolio.ts';
import { applyTradeSchema } from '../src/trades/trade.schemas.ts';
import { dec } from '../src/money/money.ts';

/** The interaction whose committed effect the afterInteraction hook reads back. */
const CROSS_ENTITY = 'apply a buy of 5 at 130.00';

let orm: Orm;
let issuer: TestTokenIssuer;
/** The transaction service's key: the internal API accepts only its on-behalf-of tokens. */
let transactionKey: SigningKey;
let app: Koa;
/**
 * The caller the interaction acts as: the request filter signs a fresh token for them — an access token for the
 * public API, the transaction service's on-behalf-of token for /internal/* (unless `ownToken`: their access token).
 */
let actor: { userId: string; role: Role; ownToken?: boolean } | undefined;
/** The users of a batch's trades, in order: each trade's `onBehalfOf` is re-signed for its user (default: the actor). */
let batchUsers: string[] = [];
/** The portfolio and symbol the position state created, for the cross-entity read-back. */
let subject: { portfolioId: string; ownerId: string; symbol: string } | undefined;

function freshApp(): void {
  app = createApp({ orm, logger: createTestLogger('portfolio'), keys: localKeys(issuer.jwks), internalKeys: localKeys(toJwks([transactionKey])) });
  actor = undefined;
  batchUsers = [];
  subject = undefined;
}

function signIn(role: Role = 'user'): string {
  actor = { userId: randomUUID(), role };
  return actor.userId;
}

/** A portfolio owned by `ownerId`, created and funded through the service's own use cases. */
async function ownedPortfolio(ownerId: string, params: { name?: string; description?: string; cash?: string } = {}) {
  const em = orm.em.fork();
  const input = createPortfolioSchema.parse({ name: params.name ?? 'Core', baseCurrency: 'USD', description: params.description ?? 'Long term' });
  const portfolio = await createPortfolio(em, ownerId, input, new Date());
  const cash = params.cash ?? '0.00';
  if (dec(cash).gt(0)) await applyTrade(ownerId, portfolio.id, { transactionId: randomUUID(), type: 'deposit', amount: cash });
  return portfolio;
}

async function applyTrade(ownerId: string, portfolioId: string, trade: Record<string, unknown>) {
  const input = applyTradeSchema.parse({ executedAt: '2026-03-01T10:00:00.000Z', ...trade });
  return applyTradeToPortfolio(orm.em.fork(), { ownerId, portfolioId, now: new Date() }, input);
}

verifyPactsFor(test, {
  provider: 'portfolio',
  async start(dbPath) {
    orm = await createTestFileOrm(portfolioEntities, dbPath);
    issuer = await createTestTokenIssuer();
    transactionKey = await generateSigningKey();
    await seedInstruments(orm.em.fork(), new Date());
    freshApp();
    // Every request goes to the current app; a reset empties the database, re-seeds the instruments and builds a fresh app.
    return serveProvider({
      orm,
      app: () => app,
      rebuild: async () => {
        await seedInstruments(orm.em.fork(), new Date());
        freshApp();
      },
    });
  },
  stateHandlers: {
    'a user is signed in': async () => {
      signIn();
    },
    'an admin is signed in': async () => {
      signIn('admin');
    },
    'a user owns a portfolio': async (params) => {
      const portfolio = await ownedPortfolio(signIn(), params as { name: string; description: string; cash: string });
      return { portfolioId: portfolio.id };
    },
    'two users each own a portfolio': async (params) => {
      const { cash, otherCash } = params as { cash: string; otherCash: string };
      const other = randomUUID();
      const otherPortfolio = await ownedPortfolio(other, { name: 'Other', cash: otherCash });
      const portfolio = await ownedPortfolio(signIn(), { cash });
      batchUsers = [actor!.userId, other];
      return { portfolioId: portfolio.id, otherPortfolioId: otherPortfolio.id };
    },
    'a user owns a portfolio and calls with their own access token': async () => {
      const portfolio = await ownedPortfolio(signIn());
      actor = { ...actor!, ownToken: true };
      return { portfolioId: portfolio.id };
    },
    'another user owns a portfolio': async () => {
      const portfolio = await ownedPortfolio(randomUUID(), { name: 'Not yours', cash: '500.00' });
      signIn();
      return { portfolioId: portfolio.id };
    },
    'a portfolio holds 10 of a symbol at an average cost': async (params) => {
      const { symbol, quantity, averageCost, cash } = params as { symbol: string; quantity: string; averageCost: string; cash?: string };
      const ownerId = signIn();
      const portfolio = await ownedPortfolio(ownerId, { cash });
      const em = orm.em.fork();
      const managed = await portfolioRepository(em).findOwned(portfolio.id, ownerId);
      await openPosition(em, managed, openPositionSchema.parse({ symbol, quantity, averageCost }), new Date());
      subject = { portfolioId: portfolio.id, ownerId, symbol };
      return { portfolioId: portfolio.id };
    },
    'a deposit has been applied to a user’s portfolio': async (params) => {
      const { transactionId, amount } = params as { transactionId: string; amount: string };
      const ownerId = signIn();
      const portfolio = await ownedPortfolio(ownerId);
      await applyTrade(ownerId, portfolio.id, { transactionId, type: 'deposit', amount });
      return { portfolioId: portfolio.id };
    },
    'a deposit has been applied to another of the user’s portfolios': async (params) => {
      const { transactionId, amount } = params as { transactionId: string; amount: string };
      const ownerId = signIn();
      const first = await ownedPortfolio(ownerId, { name: 'First' });
      await applyTrade(ownerId, first.id, { transactionId, type: 'deposit', amount });
      const second = await ownedPortfolio(ownerId, { name: 'Second' });
      return { portfolioId: second.id };
    },
    'a deposit has been applied to another user’s portfolio': async (params) => {
      const { transactionId, amount } = params as { transactionId: string; amount: string };
      const ownerId = randomUUID();
      const portfolio = await ownedPortfolio(ownerId, { name: 'Not yours' });
      await applyTrade(ownerId, portfolio.id, { transactionId, type: 'deposit', amount });
      signIn();
      return { portfolioId: portfolio.id };
    },
  },
  async afterInteraction({ description }) {
    if (description !== CROSS_ENTITY) return;
    if (!subject) throw new Error('the state did not record the portfolio it created');
    const em = orm.em.fork();
    const holding = await holdingRepository(em).findBySymbol(subject.portfolioId, subject.symbol);
    const portfolio = await portfolioRepository(em).findOwned(subject.portfolioId, subject.ownerId);
    // 10 @ 100.00 + 5 @ 130.00: quantity 15, averageCost 1650 / 15 = 110 (stored with up to 10 dp, trailing zeros
    // removed); cash 1000.00 − 650.00 = 350.00
    const actual = JSON.stringify({ quantity: holding?.quantity, averageCost: holding?.averageCost, cash: portfolio.cash });
    const expected = JSON.stringify({ quantity: '15', averageCost: '110', cash: '350.00' });
    if (actual !== expected) throw new Error(`read back ${actual}, expected ${expected}`);
  },
  requestFilter(req, _res, next) {
    resignBatchTokens(req).then(() => authorize(req)).then(() => next(), next);
  },
});

type FilteredRequest = { url?: string; body?: unknown; headers: Record<string, string | string[] | undefined> };

/**
 * A batch's trades carry their users' tokens in the body: each one that looks like a token is signed afresh for its
 * user (one that does not, like "not-a-token", is left to be refused), and the body's length follows.
 */
async function resignBatchTokens(req: FilteredRequest): Promise<void> {
  const trades = (req.body as { trades?: Array<{ onBehalfOf?: unknown }> } | undefined)?.trades;
  if (!(req.url ?? '').startsWith('/internal/trade-batches') || !actor || !Array.isArray(trades)) return;
  const users = batchUsers.length ? batchUsers : [actor.userId];
  await Promise.all(trades.map(async (trade, i) => {
    if (typeof trade.onBehalfOf === 'string' && trade.onBehalfOf.split('.').length === 3) {
      trade.onBehalfOf = await signOnBehalfOfToken(transactionKey, TRANSACTION_TO_PORTFOLIO, { userId: users[i] ?? actor!.userId, ttlSeconds: 60, now: new Date() });
    }
  }));
  req.headers['content-length'] = String(Buffer.byteLength(JSON.stringify(req.body)));
}

/** The Authorization header, signed afresh for the interaction's actor (the transaction service's token on /internal/*). */
async function authorize(req: FilteredRequest): Promise<void> {
  if (!req.headers.authorization || !actor) return;
  const internal = (req.url ?? '').startsWith('/internal/') && !actor.ownToken;
  const token = internal
    ? await signOnBehalfOfToken(transactionKey, TRANSACTION_TO_PORTFOLIO, { userId: actor.userId, ttlSeconds: 60, now: new Date() })
    : await issuer.token({ userId: actor.userId, role: actor.role });
  req.headers.authorization = `Bearer ${token}`;
}
