import { defineEntity, p } from '@mikro-orm/core';
import { TRADE_TYPES, type TradeHolding } from '@ledgerline/portfolio-client';

/** The portfolio's state right after the transaction was applied (as the portfolio service reported it). */
export interface TransactionResult {
  cash: string;
  holding: TradeHolding | null;
  realizedPnl: string | null;
}

/** The one definition of the `transaction` table. Owned by the transaction service. Decimals are TEXT. */
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
    result: p.json<TransactionResult>(),
  },
  // The history's keyset order (executedAt desc, id desc), for all of a user's portfolios and for one of them.
  indexes: [
    { name: 'transaction_user_executed_id_idx', properties: ['userId', 'executedAt', 'id'] },
    { name: 'transaction_user_portfolio_executed_id_idx', properties: ['userId', 'portfolioId', 'executedAt', 'id'] },
  ],
  uniques: [{ name: 'transaction_user_idempotency_key_unique', properties: ['userId', 'idempotencyKey'] }],
});

export class Transaction extends TransactionSchema.class {}
TransactionSchema.setClass(Transaction);
