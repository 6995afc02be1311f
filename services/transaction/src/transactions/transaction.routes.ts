import Router from '@koa/router';
import type { Context } from 'koa';
import type { Em } from '@ledgerline/db-kit';
import { notFound } from '@ledgerline/http-kit';
import { requireIdentity, type Identity, type KeyResolver } from '@ledgerline/auth-tokens';
import { IDEMPOTENCY_KEY_HEADER, REPLAYED_HEADER, idempotencyKeyFrom } from './idempotency.ts';
import { parseHistoryQuery } from './history-query.ts';
import { listTransactions } from './list-transactions.ts';
import { recordTransaction } from './record-transaction.ts';
import type { SendDeps } from './send-to-portfolio.ts';
import { parseTransactionInput } from './transaction-input.ts';
import { transactionRepository } from './transaction.repository.ts';
import { toTransactionView } from './transaction.view.ts';

export interface TransactionRouteDeps {
  keys: KeyResolver;
  send: SendDeps;
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
    const caller = { userId: identityOf(ctx).userId, requestId: ctx.state.requestId as string | undefined };
    const { transaction, replayed } = await recordTransaction(ctx.state.em as Em, deps.send, caller, key, input);
    // 202: stored but not yet applied (the reconciler finishes it); 201: applied now; 200: a replay of a completed one.
    ctx.status = transaction.status === 'pending' ? 202 : replayed ? 200 : 201;
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
