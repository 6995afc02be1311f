import { z } from 'zod';

const decimal = z.string().regex(/^-?\d+(\.\d+)?$/);

/** The 200 body of POST /internal/portfolios/:id/trades as the client accepts it (extra fields are dropped). */
export const applyTradeResultSchema = z.object({
  transactionId: z.string().min(1),
  portfolioId: z.string().min(1),
  applied: z.boolean(),
  cash: decimal,
  holding: z
    .object({ symbol: z.string().min(1), quantity: decimal, averageCost: decimal, realizedPnl: decimal })
    .nullable(),
  realizedPnl: decimal.nullable(),
});
