import type { PerformanceFigures } from '@ledgerline/api-schemas';
import { compare, minus, plus, roundHalfEven, times, total, ZERO, type Fixed } from '../money/fixed-point.ts';
import { formatMoney, formatPercent, MONEY_DP } from '../money/money.ts';

export interface HoldingValue {
  /** quantity × averageCost, rounded to the cent. */
  costBasis: Fixed;
  /** quantity × lastPrice, rounded to the cent. */
  marketValue: Fixed;
  /** marketValue − costBasis (of the rounded figures, so the row adds up). */
  unrealizedPnl: Fixed;
  /** unrealizedPnl / costBasis × 100, 2 dp; "0.00" when the cost basis is 0. */
  unrealizedPnlPercent: string;
}

/** Values one position at the instrument's last price (exact fixed-point: it runs for every holding of every page). */
export function valueHolding(position: { quantity: Fixed; averageCost: Fixed }, lastPrice: Fixed): HoldingValue {
  const costBasis = roundHalfEven(times(position.quantity, position.averageCost), MONEY_DP);
  const marketValue = roundHalfEven(times(position.quantity, lastPrice), MONEY_DP);
  const unrealizedPnl = minus(marketValue, costBasis);
  return { costBasis, marketValue, unrealizedPnl, unrealizedPnlPercent: formatPercent(unrealizedPnl, costBasis) };
}

export interface ValuedPosition extends HoldingValue {
  symbol: string;
  assetClass: string;
  quantity: Fixed;
  realizedPnl: Fixed;
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
export function summarisePerformance(positions: ValuedPosition[], cash: Fixed): PerformanceFigures {
  const open = positions.filter((position) => position.quantity.units > 0n);
  const marketValue = total(open.map((position) => position.marketValue));
  const costBasis = total(open.map((position) => position.costBasis));
  const unrealizedPnl = minus(marketValue, costBasis);
  const slice = (value: Fixed): AllocationSlice => ({ marketValue: formatMoney(value), weight: formatPercent(value, marketValue) });

  const classes = new Map<string, Fixed>();
  for (const position of open) {
    classes.set(position.assetClass, plus(classes.get(position.assetClass) ?? ZERO, position.marketValue));
  }
  const rank = (assetClass: string) => {
    const index = ASSET_CLASS_ORDER.indexOf(assetClass);
    return index === -1 ? ASSET_CLASS_ORDER.length : index;
  };
  const byAssetClass = [...classes.entries()]
    .sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b))
    .map(([assetClass, value]) => ({ assetClass, ...slice(value) }));
  const byHolding = [...open]
    .sort((a, b) => compare(b.marketValue, a.marketValue) || a.symbol.localeCompare(b.symbol))
    .map((position) => ({ symbol: position.symbol, ...slice(position.marketValue) }));

  return {
    marketValue: formatMoney(marketValue),
    costBasis: formatMoney(costBasis),
    unrealizedPnl: formatMoney(unrealizedPnl),
    unrealizedPnlPercent: formatPercent(unrealizedPnl, costBasis),
    realizedPnl: formatMoney(total(positions.map((position) => position.realizedPnl))),
    cash: formatMoney(cash),
    totalValue: formatMoney(plus(marketValue, cash)),
    allocation: { byAssetClass, byHolding },
  };
}
