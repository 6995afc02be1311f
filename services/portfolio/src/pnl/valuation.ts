import type { PerformanceFigures } from '@ledgerline/api-schemas';
import { D, formatMoney, formatPercent, roundMoney, sum, type Dec } from '../money/money.ts';

export interface HoldingValue {
  /** quantity × averageCost, rounded to the cent. */
  costBasis: Dec;
  /** quantity × lastPrice, rounded to the cent. */
  marketValue: Dec;
  /** marketValue − costBasis (of the rounded figures, so the row adds up). */
  unrealizedPnl: Dec;
  /** unrealizedPnl / costBasis × 100, 2 dp; "0.00" when the cost basis is 0. */
  unrealizedPnlPercent: string;
}

/** Values one position at the instrument's last price. */
export function valueHolding(position: { quantity: Dec; averageCost: Dec }, lastPrice: Dec): HoldingValue {
  const costBasis = roundMoney(position.quantity.times(position.averageCost));
  const marketValue = roundMoney(position.quantity.times(lastPrice));
  const unrealizedPnl = marketValue.minus(costBasis);
  return { costBasis, marketValue, unrealizedPnl, unrealizedPnlPercent: formatPercent(unrealizedPnl, costBasis) };
}

export interface ValuedPosition extends HoldingValue {
  symbol: string;
  assetClass: string;
  quantity: Dec;
  realizedPnl: Dec;
}

/** One slice of the allocation: market value and weight (percent of the holdings' total market value, cash excluded, 2 dp). */
type AllocationSlice = Omit<PerformanceFigures['allocation']['byHolding'][number], 'symbol'>;

/** Display order of asset classes in the allocation. */
export const ASSET_CLASS_ORDER = ['equity', 'etf', 'bond', 'cash'];

/**
 * Portfolio figures from its valued positions and cash. Open positions (quantity > 0) make up market value,
 * cost basis and the allocation; realised P/L counts every position, closed ones included. Totals are sums of
 * the per-row rounded figures, so a person adding up the holdings table gets the same numbers.
 */
export function summarisePerformance(positions: ValuedPosition[], cash: Dec): PerformanceFigures {
  const open = positions.filter((position) => position.quantity.gt(0));
  const marketValue = sum(open.map((position) => position.marketValue));
  const costBasis = sum(open.map((position) => position.costBasis));
  const unrealizedPnl = marketValue.minus(costBasis);
  const slice = (value: Dec): AllocationSlice => ({ marketValue: formatMoney(value), weight: formatPercent(value, marketValue) });

  const classes = new Map<string, Dec>();
  for (const position of open) {
    classes.set(position.assetClass, (classes.get(position.assetClass) ?? new D(0)).plus(position.marketValue));
  }
  const rank = (assetClass: string) => {
    const index = ASSET_CLASS_ORDER.indexOf(assetClass);
    return index === -1 ? ASSET_CLASS_ORDER.length : index;
  };
  const byAssetClass = [...classes.entries()]
    .sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b))
    .map(([assetClass, value]) => ({ assetClass, ...slice(value) }));
  const byHolding = [...open]
    .sort((a, b) => b.marketValue.comparedTo(a.marketValue) || a.symbol.localeCompare(b.symbol))
    .map((position) => ({ symbol: position.symbol, ...slice(position.marketValue) }));

  return {
    marketValue: formatMoney(marketValue),
    costBasis: formatMoney(costBasis),
    unrealizedPnl: formatMoney(unrealizedPnl),
    unrealizedPnlPercent: formatPercent(unrealizedPnl, costBasis),
    realizedPnl: formatMoney(sum(positions.map((position) => position.realizedPnl))),
    cash: formatMoney(cash),
    totalValue: formatMoney(marketValue.plus(cash)),
    allocation: { byAssetClass, byHolding },
  };
}
