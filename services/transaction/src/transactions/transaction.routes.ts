import Router from '@koa/router';
import type { Context } from 'koa';
import type { Em } from '@ledgerline/db-kit';
import { notFound } from '@ledgerline/http-kit';
import { bearerToken, requireIdentity, type Identity, type KeyResolver } from '@ledgerline/auth-tokens';
import type { PortfolioClient } from '@ledgerline/portfolio-client';
import { IDEMPOTENCY_KEY_HEADER, REPLAYED_HEADER, idempotencyKeyFrom } from './idempotency.ts';
import { parseHistoryQuery } from './history-query.ts';
import { listTransactions } from './list-transactions.ts';
import { recordTransaction } from './record-transaction.ts';
import { parseTransactionInput } from './transaction-input.ts';
import { transactionRepository } from './transaction.repository.ts';
import { toTransactionView } from './transaction.view.ts';

export interface TransactionRouteDeps {
  keys: KeyResolver;
  portfolio: PortfolioClient;
  clock: () => Date;
  maxClockSkewMs: number;
}

const identityOf = (ctx: Context) => ctx.state.identity as Identity;

/** POST /transactions, GET /transactions, GET /transactions/:id — all for the verified caller only. */
export function transactionRoutes(deps: TransactionRouteDeps) {
  const router = new Router({ prefix: '/transactions' });
  const authenticated = requireIdentity(deps.keys, deps.clock);

  router.post('/', authenticated, async (ctx) => {
    const key = idempotencyKeyFrom(ctx.headers[IDEMPOTENCY_KEY_HEADER]);
    const now = deps.clock();
    const input = parseTransactionInput(ctx.request.body, now, deps.maxClockSkewMs);
    const caller = { userId: identityOf(ctx).userId, accessToken: bearerToken(ctx.get('authorization')), requestId: ctx.state.requestId as string | undefined };
    const { transaction, replayed } = await recordTransaction(ctx.state.em as Em, deps.portfolio, caller, key, input, now);
    ctx.status = replayed ? 200 : 201;
    if (replayed) ctx.set(REPLAYED_HEADER, 'true');
    ctx.set('location', `/transactions/${transaction.id}`);
    ctx.body = toTransactionView(transaction);
  });

  router.get('/', authenticated, async (ctx) => {
    const query = parseHistoryQuery(ctx.query);
    const page = await listTransactions(ctx.state.em as Em, identityOf(ctx).userId, query);
    ctx.body = { items: page.items.map(toTransactionView), nextCursor: page.nextCursor };
  });

  router.get('/:id', authenticated, async (ctx) => {
    const transaction = await transactionRepository(ctx.state.em as Em).findOwn(identityOf(ctx).userId, ctx.params.id);
    if (!transaction) throw notFound('Transaction');
    ctx.body = toTransactionView(transaction);
  });
  return router;
}
