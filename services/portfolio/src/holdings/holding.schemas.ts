import { z } from 'zod';
import { positiveQuantity, priceInput } from '../money/decimal-input.ts';
import { symbolInput } from '../instruments/instrument.schemas.ts';

/** POST /portfolios/:id/holdings: an opening position entered directly (no cash moves). */
export const openPositionSchema = z.strictObject({
  symbol: symbolInput,
  quantity: positiveQuantity(),
  averageCost: priceInput('averageCost'),
});
export type OpenPositionInput = z.output<typeof openPositionSchema>;
