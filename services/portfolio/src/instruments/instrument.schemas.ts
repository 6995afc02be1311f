import { z } from 'zod';
import { priceInput } from '../money/decimal-input.ts';
import { ASSET_CLASSES } from './instrument.entity.ts';

/** A ticker as sent by clients: letters, digits, "." or "-", normalised to upper case ("brk.b" → "BRK.B"). */
export const symbolInput = z
  .string({ error: 'Symbol is required.' })
  .trim()
  .regex(/^[A-Za-z0-9.-]{1,12}$/, 'Symbol must be 1–12 letters, digits, "." or "-", such as "AAPL" or "BRK.B".')
  .transform((value) => value.toUpperCase());

export const symbolParam = z.object({ symbol: symbolInput });

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

export const updatePriceSchema = z.strictObject({ price: priceInput('price', true) });
