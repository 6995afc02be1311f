import type { ApplyTradeResult } from '@ledgerline/api-schemas/internal';
import { formatAverageCost, formatMoney, formatQuantity } from '../money/money.ts';
import type { Holding } from '../holdings/holding.entity.ts';

export type { ApplyTradeResult } from '@ledgerline/api-schemas/internal';

/** The holding part of a trade result. */
export function toTradeHolding(holding: Holding): NonNullable<ApplyTradeResult['holding']> {
  return {
    symbol: holding.symbol,
    quantity: formatQuantity(holding.quantity),
    averageCost: formatAverageCost(holding.averageCost),
    realizedPnl: formatMoney(holding.realizedPnl),
  };
}
