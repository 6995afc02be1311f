import type { Holding as HoldingView } from '@ledgerline/api-schemas';
import { formatAverageCost, formatMoney, formatPrice, formatQuantity } from '../money/money.ts';
import type { ValuedHolding } from './valued-holdings.ts';

/** One row of the holdings table: decimals as strings (money 2 dp, averageCost 4 dp, quantity ≤ 6 dp). */
export function toHoldingView(valued: ValuedHolding): HoldingView {
  return {
    symbol: valued.symbol,
    name: valued.instrument.name,
    assetClass: valued.assetClass,
    quantity: formatQuantity(valued.quantity),
    averageCost: formatAverageCost(valued.holding.averageCost),
    costBasis: formatMoney(valued.costBasis),
    lastPrice: formatPrice(valued.instrument.lastPrice),
    marketValue: formatMoney(valued.marketValue),
    unrealizedPnl: formatMoney(valued.unrealizedPnl),
    unrealizedPnlPercent: valued.unrealizedPnlPercent,
    realizedPnl: formatMoney(valued.realizedPnl),
  };
}
