/**
 * Test support for the portfolio service's unit tests (imported only by *.test.ts files).
 * Each call builds the real app on its own fresh in-memory database, seeded through the service's own
 * seedInstruments, with a real token issuer whose JWKS the app verifies against (localKeys), and a real key of the
 * transaction service whose on-behalf-of tokens the internal API verifies.
 */
import { randomUUID } from 'node:crypto';
import type Koa from 'koa';
import type { Response } from 'supertest';
import { generateSigningKey, localKeys, signOnBehalfOfToken, toJwks, TRANSACTION_TO_PORTFOLIO, type Role, type SigningKey } from '@ledgerline/auth-tokens';
import { createTestApp, createTestTokenIssuer, TEST_CLOCK_START, uniqueEmail, type Teardown, type TemplateSeed, type TestApp, type TestTokenIssuer } from '@ledgerline/test-kit';
import { createApp } from './app.ts';
import { portfolioEntities } from './entities.ts';
import { seedInstruments } from './instruments/seed-instruments.ts';
import type { Portfolio as PortfolioView } from '@ledgerline/api-schemas';
import type { ApplyTradeResult } from './trades/trade.view.ts';

/** A signed-in caller: their user id, access token and ready-made Authorization header value. */
export interface TestUser {
  userId: string;
  token: string;
  auth: string;
}

export interface PortfolioTestApp extends TestApp<Koa> {
  issuer: TestTokenIssuer;
  /** The default caller (role user). */
  user: TestUser;
  /** Another user from the same issuer (for ownership tests). */
  signIn(role?: Role): Promise<TestUser>;
  /** Creates a portfolio through the API (default caller unless `as` is given) and returns its body. */
  createPortfolio(body?: Record<string, unknown>, as?: TestUser): Promise<PortfolioView>;
  /** The transaction service's signing key: the internal API verifies its on-behalf-of tokens. */
  transactionKey: SigningKey;
  /** An on-behalf-of token of the transaction service for `userId`, valid at the test clock's time. */
  serviceToken(userId: string): Promise<string>;
  /** POST /internal/portfolios/:id/trades as the transaction service for `as`; a fresh transactionId and executedAt unless given. */
  trade(portfolioId: string, body: Record<string, unknown>, as?: TestUser): Promise<Response>;
  /** Applies a trade and fails loudly unless it answers 200; returns the result. */
  applyOk(portfolioId: string, body: Record<string, unknown>, as?: TestUser): Promise<ApplyTradeResult>;
  /** Sets an instrument's price through the admin API. */
  setPrice(symbol: string, price: string): Promise<void>;
}

/** The instrument universe every test starts with, written by the service's own seed at the test clock's start. */
const seedUniverse: TemplateSeed = (orm) => seedInstruments(orm.em.fork(), new Date(TEST_CLOCK_START));

export async function createPortfolioTestApp(t: Teardown): Promise<PortfolioTestApp> {
  const issuer = await createTestTokenIssuer();
  const transactionKey = await generateSigningKey();
  const base = await createTestApp(t, portfolioEntities, ({ orm, logger, clock }) =>
    createApp({ orm, logger, clock: clock.now, keys: localKeys(issuer.jwks), internalKeys: localKeys(toJwks([transactionKey])) }),
    seedUniverse,
  );
  const serviceToken = (userId: string) => signOnBehalfOfToken(transactionKey, TRANSACTION_TO_PORTFOLIO, { userId, ttlSeconds: 60, now: base.clock.now() });

  const signIn = async (role: Role = 'user'): Promise<TestUser> => {
    const userId = randomUUID();
    const token = await issuer.token({ userId, role, email: uniqueEmail(role), now: base.clock.now() });
    return { userId, token, auth: `Bearer ${token}` };
  };
  const user = await signIn();
  let admin: TestUser | undefined;

  const trade: PortfolioTestApp['trade'] = async (portfolioId, body, as = user) =>
    base.http
      .post(`/internal/portfolios/${portfolioId}/trades`)
      .set('authorization', `Bearer ${await serviceToken(as.userId)}`)
      .send({ transactionId: randomUUID(), executedAt: base.clock.now().toISOString(), ...body });

  return {
    ...base,
    issuer,
    user,
    signIn,
    trade,
    transactionKey,
    serviceToken,
    async createPortfolio(body = {}, as = user) {
      const response = await base.http.post('/portfolios').set('authorization', as.auth).send({ name: 'Core', baseCurrency: 'USD', ...body });
      if (response.status !== 201) throw new Error(`create portfolio failed: ${response.status} ${JSON.stringify(response.body)}`);
      return response.body as PortfolioView;
    },
    async applyOk(portfolioId, body, as = user) {
      const response = await trade(portfolioId, body, as);
      if (response.status !== 200) throw new Error(`trade failed: ${response.status} ${JSON.stringify(response.body)}`);
      return response.body as ApplyTradeResult;
    },
    async setPrice(symbol, price) {
      admin ??= await signIn('admin');
      const response = await base.http.put(`/instruments/${symbol}/price`).set('authorization', admin.auth).send({ price });
      if (response.status !== 200) throw new Error(`set price failed: ${response.status} ${JSON.stringify(response.body)}`);
    },
  };
}
