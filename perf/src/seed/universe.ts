import type { Faker } from '@faker-js/faker';
import { INSTRUMENT_UNIVERSE, type AssetClass, type SeedInstrument } from '@ledgerline/portfolio';
import { logNormal } from './random.ts';

/**
 * The instrument universe of a perf data set, in popularity order (rank 0 = most traded): the portfolio
 * service's own real tickers first, then a generated long tail of smaller listings up to `size`.
 */
export function buildUniverse(faker: Faker, size: number): SeedInstrument[] {
  const real = faker.helpers.shuffle([...INSTRUMENT_UNIVERSE]);
  const taken = new Set(real.map((instrument) => instrument.symbol));
  const tail: SeedInstrument[] = [];
  while (real.length + tail.length < size) {
    const symbol = faker.string.alpha({ length: { min: 3, max: 5 }, casing: 'upper' });
    if (taken.has(symbol)) continue;
    taken.add(symbol);
    const assetClass = faker.helpers.weightedArrayElement<AssetClass>([
      { weight: 75, value: 'equity' },
      { weight: 15, value: 'etf' },
      { weight: 10, value: 'bond' },
    ]);
    const suffix = assetClass === 'equity' ? faker.helpers.arrayElement(['Inc.', 'Corp.', 'Holdings', 'Group', 'plc']) : assetClass === 'etf' ? 'Sector ETF' : 'Bond Fund';
    const price = Math.min(2000, Math.max(2, logNormal(faker, assetClass === 'bond' ? 60 : 45, assetClass === 'bond' ? 0.3 : 1.0)));
    tail.push({ symbol, name: `${faker.company.name()} ${suffix}`.slice(0, 120), assetClass, currency: 'USD', lastPrice: price.toFixed(2) });
  }
  return [...real, ...tail].slice(0, Math.max(size, 1));
}
