import Router from '@koa/router';
import type { Middleware } from 'koa';
import type { HistoryQuery, RecordTransactionRequest, TransactionClient } from '@ledgerline/transaction-client';
import { callContext } from '../http/call-context.ts';

const HISTORY_PARAMS = ['portfolioId', 'symbol', 'type', 'status', 'from', 'to', 'cursor', 'limit'] as const;

/** /api/v1/transactions/*: all need a verified token; the Idempotency-Key header travels on. */
export function transactionRoutes(transactions: TransactionClient, authenticated: Middleware) {
  const router = new Router({ prefix: '/api/v1/transactions' });
  router.use(authenticated);
  router.post('/', async (ctx) => {
    const key = ctx.get('idempotency-key') || undefined;
    const { transaction, replayed, pending } = await transactions.record(ctx.request.body as RecordTransactionRequest, key, callContext(ctx));
    // 202: stored but not yet applied (the transaction service finishes it); 200: a replay; 201: applied now.
    ctx.status = pending ? 202 : replayed ? 200 : 201;
    if (replayed) ctx.set('idempotent-replayed', 'true');
    ctx.set('location', `/api/v1/transactions/${encodeURIComponent(transaction.id)}`);
    ctx.body = transaction;
  });
  router.get('/', async (ctx) => {
    const query: HistoryQuery = {};
    for (const name of HISTORY_PARAMS) {
      const value = ctx.query[name];
      if (typeof value === 'string') query[name] = value;
    }
    // A history page is passed on as the service sent it (not parsed and re-serialised).
    ctx.type = 'application/json';
    ctx.body = await transactions.listRelayed(query, callContext(ctx));
  });
  router.get('/:id', async (ctx) => {
    ctx.body = await transactions.get(ctx.params.id, callContext(ctx));
  });
  return router;
}
