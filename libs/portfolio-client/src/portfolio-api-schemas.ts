import { z } from 'zod';

/** What callers of the portfolio service's public API rely on (extra fields pass through untouched). */
export const portfolioSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  baseCurrency: z.string(),
  cash: z.string(),
});
export type Portfolio = z.output<typeof portfolioSchema>;

export const portfolioListSchema = z.looseObject({ items: z.array(portfolioSchema) });

export const holdingSchema = z.looseObject({
  symbol: z.string(),
  quantity: z.string(),
  averageCost: z.string(),
  marketValue: z.string(),
  unrealizedPnl: z.string(),
});
export const holdingListSchema = z.looseObject({ items: z.array(holdingSchema) });

export const performanceSchema = z.looseObject({
  marketValue: z.string(),
  costBasis: z.string(),
  unrealizedPnl: z.string(),
  realizedPnl: z.string(),
  cash: z.string(),
  allocation: z.looseObject({
    byAssetClass: z.array(z.looseObject({ assetClass: z.string(), marketValue: z.string(), weight: z.string() })),
    byHolding: z.array(z.looseObject({ symbol: z.string(), marketValue: z.string(), weight: z.string() })),
  }),
});
export type Performance = z.output<typeof performanceSchema>;

export const instrumentSchema = z.looseObject({ symbol: z.string(), name: z.string(), assetClass: z.string(), lastPrice: z.string() });
export const instrumentListSchema = z.looseObject({ items: z.array(instrumentSchema) });
