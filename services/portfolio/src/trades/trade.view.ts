import { formatAverageCost, formatMoney, formatQuantity } from '../money/money.ts';
import type { Holding } from '../holdings/holding.entity.ts';

/** The response of the trade application endpoint (must match ApplyTradeResult in @ledgerline/portfolio-client). */
export interface ApplyTradeResult {
  transactionId: string;
  portfolioId: string;
  /** false when this transaction id had been applied before: nothing changed this time. */
  applied: boolean;
  /** The portfolio's cash after the transaction. */
  cash: string;
  /** The position the trade touched (buy/sell), after it; null for cash movements and dividends. */
  holding: { symbol: string; quantity: string; averageCost: string; realizedPnl: string } | null;
  /** Realised P/L of this transaction (sell only), else null. */
  realizedPnl: string | null;
}

/** The holding part of a trade result. */
export function toTradeHolding(holding: Holding): NonNullable<ApplyTradeResult['holding']> {
  return {
    symbol: holding.symbol,
    quantity: formatQuantity(holding.quantity),
    averageCost: formatAverageCost(holding.averageCost),
    realizedPnl: formatMoney(holding.realizedPnl),
  };
}
