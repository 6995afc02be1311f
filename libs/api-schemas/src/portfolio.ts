import { z } from 'zod';
import { ASSET_CLASSES, CURRENCIES } from './enums.ts';
import { decimalString, nextCursor, timestamp } from './common.ts';
import { positiveQuantity, priceInput } from './decimal-input.ts';
import { symbol, symbolInput } from './symbol.ts';


// ---- requests ----
const name = z.string({ error: 'Name is required.' }).trim().min(1, 'Name is required.').max(80, 'Name is at most 80 characters.');
const description = z.string().trim().max(500, 'Description is at most 500 characters.').nullable();
const baseCurrency = z
  .string({ error: `Base currency is required (one of ${CURRENCIES.join(', ')}).` })
  .trim()
  .toUpperCase()
  .pipe(z.enum(CURRENCIES, { error: `Base currency must be one of ${CURRENCIES.join(', ')}.` }));

/** POST /portfolios */
export const createPortfolioRequest = z.strictObject({ name, baseCurrency, description: description.optional() }).meta({ id: 'CreatePortfolioRequest' });
export type CreatePortfolioRequest = z.input<typeof createPortfolioRequest>;

/** PATCH /portfolios/:id */
export const updatePortfolioRequest = z
  .strictObject({ name: name.optional(), description: description.optional() })
  .refine((value) => value.name !== undefined || value.description !== undefined, 'Send name and/or description.')
  .meta({ id: 'UpdatePortfolioRequest' });
export type UpdatePortfolioRequest = z.input<typeof updatePortfolioRequest>;

/** Route parameter of every /portfolios/:id route. */
export const portfolioIdParam = z.object({ id: z.uuid('Not a portfolio id.') });

/** Query of GET /portfolios (other query parameters are ignored). */
export const listPortfoliosQuery = z.object({
  limit: z.coerce.number().int('Limit must be a whole number.').min(1).max(100).default(50),
  cursor: z.string().max(200).optional(),
});

/** Query of DELETE /portfolios/:id. */
export const deletePortfolioQuery = z.object({
  force: z.enum(['true', 'false'], { error: 'force must be "true" or "false".' }).optional(),
});

export const symbolParam = z.object({ symbol: symbolInput });

/** POST /portfolios/:id/holdings: an opening position entered directly (no cash moves). */
export const openPositionRequest = z
  .strictObject({ symbol: symbolInput, quantity: positiveQuantity(), averageCost: priceInput('averageCost') })
  .meta({ id: 'OpenPositionRequest' });
export type OpenPositionRequest = z.input<typeof openPositionRequest>;

/** GET /instruments query (other query parameters are ignored). */
export const searchInstrumentsQuery = z.object({
  q: z
    .string()
    .trim()
    .max(40, 'Search at most 40 characters.')
    .regex(/^[A-Za-z0-9 .&'-]*$/, 'Search with letters, digits, spaces and . & \' - only.')
    .optional(),
  assetClass: z.enum(ASSET_CLASSES, { error: `assetClass must be one of ${ASSET_CLASSES.join(', ')}.` }).optional(),
});
export type InstrumentQuery = z.input<typeof searchInstrumentsQuery>;

/** PUT /instruments/:symbol/price (admin). */
export const updatePriceRequest = z.strictObject({ price: priceInput('price', true) }).meta({ id: 'UpdatePriceRequest' });

// ---- responses ----
/** The public shape of a portfolio (the owner id is not part of it). */
export const portfolio = z
  .strictObject({
    id: z.string(),
    name: z.string(),
    baseCurrency: z.string(),
    description: z.string().nullable(),
    cash: decimalString,
    createdAt: timestamp,
    updatedAt: timestamp,
  })
  .meta({ id: 'Portfolio' });
export type Portfolio = z.output<typeof portfolio>;
export const portfolioList = z.strictObject({ items: z.array(portfolio), nextCursor }).meta({ id: 'PortfolioList' });
export type PortfolioList = z.output<typeof portfolioList>;

/** One row of the holdings table: decimals as strings (money 2 dp, averageCost 4 dp, quantity ≤ 6 dp). */
export const holding = z
  .strictObject({
    symbol,
    name: z.string(),
    assetClass: z.string(),
    quantity: decimalString,
    averageCost: decimalString,
    costBasis: decimalString,
    lastPrice: decimalString,
    marketValue: decimalString,
    unrealizedPnl: decimalString,
    unrealizedPnlPercent: decimalString,
    realizedPnl: decimalString,
  })
  .meta({ id: 'Holding' });
export type Holding = z.output<typeof holding>;
export const holdingList = z.strictObject({ items: z.array(holding) }).meta({ id: 'HoldingList' });
export type HoldingList = z.output<typeof holdingList>;

const allocationSlice = { marketValue: decimalString, weight: decimalString };
/** Figures of a portfolio valued at the instruments' last prices. */
export const performanceFigures = z.strictObject({
  marketValue: decimalString,
  costBasis: decimalString,
  unrealizedPnl: decimalString,
  unrealizedPnlPercent: decimalString,
  realizedPnl: decimalString,
  cash: decimalString,
  totalValue: decimalString,
  allocation: z.strictObject({
    byAssetClass: z.array(z.strictObject({ assetClass: z.string(), ...allocationSlice })),
    byHolding: z.array(z.strictObject({ symbol, ...allocationSlice })),
  }),
});
export type PerformanceFigures = z.output<typeof performanceFigures>;
export const performance = performanceFigures.extend({ portfolioId: z.string(), baseCurrency: z.string() }).meta({ id: 'Performance' });
export type Performance = z.output<typeof performance>;

/** The public shape of an instrument; the price has 2 to 4 dp ("189.50", "0.1234"). */
export const instrument = z
  .strictObject({ symbol, name: z.string(), assetClass: z.string(), currency: z.string(), lastPrice: decimalString, priceUpdatedAt: timestamp })
  .meta({ id: 'Instrument' });
export type Instrument = z.output<typeof instrument>;
export const instrumentList = z.strictObject({ items: z.array(instrument) }).meta({ id: 'InstrumentList' });
export type InstrumentList = z.output<typeof instrumentList>;
