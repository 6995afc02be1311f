import type { Faker } from '@faker-js/faker';
import type { AssetClass, SeedInstrument } from '@ledgerline/portfolio';
import { normal } from './random.ts';

/** The seeded history spans five years of calendar days, ending before "now" on any machine running this. */
export const HISTORY_START = Date.UTC(2021, 10, 1);
export const HISTORY_END = Date.UTC(2026, 9, 31);
export const DAY_MS = 24 * 3600 * 1000;
export const HISTORY_DAYS = Math.round((HISTORY_END - HISTORY_START) / DAY_MS);

/** Daily drift and volatility by asset class (a geometric random walk). */
const MOTION: Record<AssetClass, { drift: number; sigma: number }> = {
  equity: { drift: 0.08 / 365, sigma: 0.018 },
  etf: { drift: 0.07 / 365, sigma: 0.011 },
  bond: { drift: 0.01 / 365, sigma: 0.004 },
  cash: { drift: 0.03 / 365, sigma: 0.0004 },
};

export interface PricePaths {
  /** The price (decimal string: 2 dp, or 4 dp below 1) of a symbol on day `day` of the history. */
  priceOn(symbol: string, day: number): string;
  /** The last day's price: what the instrument's lastPrice is updated to at the end of seeding. */
  finalPrice(symbol: string): string;
}

function priceText(value: number): string {
  const positive = Math.max(value, 0.01);
  return positive >= 1 ? positive.toFixed(2) : positive.toFixed(4);
}

/**
 * Prices that move: every instrument starts at its reference price and walks day by day; money-market
 * funds priced at 1.00 stay at 1.00.
 */
export function buildPricePaths(faker: Faker, universe: readonly SeedInstrument[]): PricePaths {
  const paths = new Map<string, Float64Array>();
  for (const instrument of universe) {
    const path = new Float64Array(HISTORY_DAYS + 1);
    const { drift, sigma } = MOTION[instrument.assetClass];
    const fixed = instrument.lastPrice === '1.00';
    path[0] = Number(instrument.lastPrice);
    for (let day = 1; day <= HISTORY_DAYS; day += 1) {
      path[day] = fixed ? path[0] : path[day - 1] * Math.exp(drift - (sigma * sigma) / 2 + sigma * normal(faker));
    }
    paths.set(instrument.symbol, path);
  }
  const pathOf = (symbol: string) => {
    const path = paths.get(symbol);
    if (!path) throw new Error(`no price path for ${symbol}`);
    return path;
  };
  return {
    priceOn: (symbol, day) => priceText(pathOf(symbol)[Math.min(Math.max(day, 0), HISTORY_DAYS)]),
    finalPrice: (symbol) => priceText(pathOf(symbol)[HISTORY_DAYS]),
  };
}
