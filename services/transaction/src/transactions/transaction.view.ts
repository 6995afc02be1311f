import type { Transaction as TransactionView } from '@ledgerline/api-schemas';
import { formatInstant } from '../shared/instant.ts';
import type { TransactionRecord } from './transaction.repository.ts';

/** The public shape of a recorded transaction (never the idempotency key, request hash or retry bookkeeping). */
export function toTransactionView(transaction: TransactionRecord): TransactionView {
  const result = transaction.result;
  const rejection = transaction.rejection;
  return {
    id: transaction.id,
    portfolioId: transaction.portfolioId,
    type: transaction.type,
    symbol: transaction.symbol ?? null,
    quantity: transaction.quantity ?? null,
    price: transaction.price ?? null,
    amount: transaction.amount ?? null,
    fees: transaction.fees,
    executedAt: formatInstant(transaction.executedAt),
    createdAt: formatInstant(transaction.createdAt),
    status: transaction.status,
    result: result ? { cash: result.cash, holding: result.holding ? { ...result.holding } : null, realizedPnl: result.realizedPnl } : null,
    rejection: rejection ? { status: rejection.status, code: rejection.code, detail: rejection.detail } : null,
  };
}
