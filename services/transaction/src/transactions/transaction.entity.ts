import { defineEntity, p } from '@mikro-orm/core';
import { TRADE_TYPES, type TradeResult as TransactionResult } from '@ledgerline/api-schemas';
import { TRANSACTION_STATUSES, type TransactionRejection } from './transaction-status.ts';

/** The portfolio's state right after the transaction was applied (as the portfolio service reported it). */
export type { TradeResult as TransactionResult } from '@ledgerline/api-schemas';

/**
 * The one definition of the `transaction` table. Owned by the transaction service. Decimals are TEXT.
 * A row is written as `pending` (the intent) before the portfolio service is asked; `result` is set when it
 * completes, `rejection` when it is refused. `nextAttemptAt` is both the reconciler's backoff and its lease: a
 * sender claims a pending row by moving it into the future with a conditional UPDATE (one winner per attempt, also
 * with several replicas on one database). Rows written before statuses existed were all completed (the default).
 */
export const TransactionSchema = defineEntity({
  name: 'Transaction',
  tableName: 'transaction',
  properties: {
    id: p.string().primary(),
    userId: p.string(),
    portfolioId: p.string(),
    idempotencyKey: p.string(),
    requestHash: p.string(),
    type: p.enum(TRADE_TYPES),
    symbol: p.string().nullable(),
    quantity: p.string().nullable(),
    price: p.string().nullable(),
    amount: p.string().nullable(),
    fees: p.string(),
    executedAt: p.datetime(),
    createdAt: p.datetime(),
    status: p.enum(TRANSACTION_STATUSES).default('completed'),
    result: p.json<TransactionResult>().nullable(),
    rejection: p.json<TransactionRejection>().nullable(),
    /** How many times it was sent to the portfolio service (the request's own attempt included). */
    attempts: p.integer().default(0),
    /** pending only: not before this instant may anyone (re)send it; null once settled. */
    nextAttemptAt: p.datetime().nullable(),
    /** When it became completed or rejected. */
    settledAt: p.datetime().nullable(),
  },
  // The history's keyset order (executedAt desc, id desc), for all of a user's portfolios and for one of them.
  // No index on (userId, idempotencyKey): the id is derived from them (deriveTransactionId), so the primary key
  // already keeps one row per key, and a key is looked up by its id.
  indexes: [
    { name: 'transaction_user_executed_id_idx', properties: ['userId', 'executedAt', 'id'] },
    { name: 'transaction_user_portfolio_executed_id_idx', properties: ['userId', 'portfolioId', 'executedAt', 'id'] },
    { name: 'transaction_status_next_attempt_idx', properties: ['status', 'nextAttemptAt'] },
  ],
});

export class Transaction extends TransactionSchema.class {}
TransactionSchema.setClass(Transaction);
