import type { TradeType } from '@ledgerline/portfolio-client';
import type { TransactionResult } from './transaction.entity.ts';
import type { TransactionRecord } from './transaction.repository.ts';

export interface TransactionView {
  id: string;
  portfolioId: string;
  type: TradeType;
  symbol: string | null;
  quantity: string | null;
  price: string | null;
  amount: string | null;
  fees: string;
  executedAt: string;
  createdAt: string;
  result: TransactionResult;
}

/** The public shape of a recorded transaction (never the idempotency key or request hash). */
export function toTransactionView(transaction: TransactionRecord): TransactionView {
  const { cash, holding, realizedPnl } = transaction.result;
  return {
    id: transaction.id,
    portfolioId: transaction.portfolioId,
    type: transaction.type,
    symbol: transaction.symbol ?? null,
    quantity: transaction.quantity ?? null,
    price: transaction.price ?? null,
    amount: transaction.amount ?? null,
    fees: transaction.fees,
    executedAt: transaction.executedAt.toISOString(),
    createdAt: transaction.createdAt.toISOString(),
    result: { cash, holding: holding ? { ...holding } : null, realizedPnl },
  };
}
