import type { ApplyTradeResult } from '@ledgerline/api-schemas/internal';
import { formatAverageCost, formatMoney, formatQuantity } from '../money/money.ts';
import type { HoldingFigures } from '../holdings/holding.repository.ts';

export type { ApplyTradeResult } from '@ledgerline/api-schemas/internal';

/** The holding part of a trade result. */
export function toTradeHolding(holding: Pick<HoldingFigures, 'symbol' | 'quantity' | 'averageCost' | 'realizedPnl'>): NonNullable<ApplyTradeResult['holding']> {
  return {
    symbol: holding.symbol,
    quantity: formatQuantity(holding.quantity),
    averageCost: formatAverageCost(holding.averageCost),
    realizedPnl: formatMoney(holding.realizedPnl),
  };
}
