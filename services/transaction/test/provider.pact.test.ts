/**
 * Provider verification for the transaction service: every pact in contracts/ that names "transaction",
 * verified against the real app (createApp) on port 0 with a fresh file-SQLite database in the OS temp dir.
 * The portfolio service behind it is the in-memory FakePortfolioClient (that boundary has its own pact);
 * states record transactions through the service's own use case; tokens are freshly signed per request.
 */
import test from 'ava';
import { randomUUID } from 'node:crypto';
import type Koa from 'koa';
import { generateSigningKey, localKeys, toJwks, type SigningKey } from '@ledgerline/auth-tokens';
import type { Orm } from '@ledgerline/db-kit';
import { createTestFileOrm, createTestLogger, createTestTokenIssuer, type TestTokenIssuer } from '@ledgerline/test-kit';
import { serveProvider, verifyPactsFor } from '@ledgerline/contract-kit';
import { createApp } from '../src/app.ts';
import { transactionEntities } from '../src/entities.ts';
import { DEFAULT_TRANSACTION_SETTINGS } from '../src/deps.ts';
import { serviceTokens } from '../src/service-identity/on-behalf-of.ts';
import { FakePortfolioClient } from '../src/testing.ts';
import { recordTransaction } from '../src/transactions/record-transaction.ts';
import { parseTransactionInput } from '../src/transactions/transaction-input.ts';
import { listTransactions } from '../src/transactions/list-transactions.ts';
import { parseHistoryQuery } from '../src/transactions/history-query.ts';

let orm: Orm;
let issuer: TestTokenIssuer;
let signingKey: SigningKey;
let portfolio: FakePortfolioClient;
let app: Koa;
/** The user the interaction acts as: the request filter signs a fresh token for them. */
let actor: string | undefined;

function freshApp(): void {
  portfolio = new FakePortfolioClient(localKeys(toJwks([signingKey])));
  app = createApp({ orm, logger: createTestLogger('transaction'), keys: localKeys(issuer.jwks), signingKey, portfolio });
  actor = undefined;
}

async function userWithPortfolio(cash: string) {
  const userId = randomUUID();
  return { userId, portfolioId: portfolio.addPortfolio(userId, cash) };
}

async function recordBuy(userId: string, portfolioId: string, key: string, executedAt = '2026-03-02T15:30:00.000Z') {
  return record(userId, { portfolioId, type: 'buy', symbol: 'AAPL', quantity: '10', price: '100.00', fees: '1.00', executedAt }, key);
}

/** Records a transaction through the service's own use case (the portfolio side is the fake). */
async function record(userId: string, body: Record<string, unknown>, key: string) {
  const input = parseTransactionInput(body, new Date(), 60_000);
  const clock = () => new Date();
  const { retryBackoffMs: backoffMs, retryMaxBackoffMs: maxBackoffMs, claimLeaseMs: leaseMs } = DEFAULT_TRANSACTION_SETTINGS;
  const send = { portfolio, tokens: serviceTokens(signingKey, clock, 60), clock, retry: { backoffMs, maxBackoffMs, leaseMs } };
  return (await recordTransaction(orm.em.fork(), send, { userId }, key, input)).transaction;
}

verifyPactsFor(test, {
  provider: 'transaction',
  async start(dbPath) {
    orm = await createTestFileOrm(transactionEntities, dbPath);
    issuer = await createTestTokenIssuer();
    signingKey = await generateSigningKey();
    freshApp();
    // Every request goes to the current app; a reset empties the database and builds a fresh app.
    return serveProvider({ orm, app: () => app, rebuild: freshApp });
  },
  stateHandlers: {
    'a user owns a portfolio with cash': async (params) => {
      const { userId, portfolioId } = await userWithPortfolio((params as { cash: string }).cash);
      actor = userId;
      return { portfolioId };
    },
    'a user owns a portfolio that cannot cover the trade': async () => {
      const { userId, portfolioId } = await userWithPortfolio('0.00');
      actor = userId;
      return { portfolioId };
    },
    'the portfolio service is down for a user with a portfolio': async () => {
      const { userId, portfolioId } = await userWithPortfolio('0.00');
      portfolio.failNext({ kind: 'down' });
      actor = userId;
      return { portfolioId };
    },
    'another user owns a portfolio': async () => {
      const { portfolioId } = await userWithPortfolio('10000.00');
      actor = randomUUID();
      return { portfolioId };
    },
    'a user has a deposit pending because the portfolio service was down': async () => {
      const { userId, portfolioId } = await userWithPortfolio('0.00');
      portfolio.failNext({ kind: 'down' });
      const transaction = await record(userId, { portfolioId, type: 'deposit', amount: '100.00' }, 'key-pending');
      actor = userId;
      return { portfolioId, transactionId: transaction.id };
    },
    'a user has recorded a buy with an idempotency key': async (params) => {
      const { userId, portfolioId } = await userWithPortfolio('10000.00');
      const transaction = await recordBuy(userId, portfolioId, (params as { key: string }).key);
      actor = userId;
      return { portfolioId, transactionId: transaction.id };
    },
    'a user has recorded three buys in a portfolio': async () => {
      const { userId, portfolioId } = await userWithPortfolio('10000.00');
      for (const [i, day] of ['01', '02', '03'].entries()) await recordBuy(userId, portfolioId, `key-${i}`, `2026-03-${day}T10:00:00.000Z`);
      actor = userId;
      return { portfolioId };
    },
    'a user has recorded three buys in a portfolio and read the first two': async () => {
      const { userId, portfolioId } = await userWithPortfolio('10000.00');
      for (const [i, day] of ['01', '02', '03'].entries()) await recordBuy(userId, portfolioId, `key-${i}`, `2026-03-${day}T10:00:00.000Z`);
      const first = await listTransactions(orm.em.fork(), userId, parseHistoryQuery({ portfolioId, type: 'buy', limit: '2' }));
      actor = userId;
      return { portfolioId, cursor: first.nextCursor };
    },
    'another user has recorded a buy': async () => {
      const owner = await userWithPortfolio('10000.00');
      const transaction = await recordBuy(owner.userId, owner.portfolioId, 'key-owner');
      actor = randomUUID();
      return { transactionId: transaction.id };
    },
  },
  requestFilter(req, _res, next) {
    if (req.headers.authorization && actor) {
      issuer.token({ userId: actor }).then((token) => {
        req.headers.authorization = `Bearer ${token}`;
        next();
      }, next);
      return;
    }
    next();
  },
});
