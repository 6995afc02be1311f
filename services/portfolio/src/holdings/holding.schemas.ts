import type { z } from 'zod';
import type { openPositionRequest } from '@ledgerline/api-schemas';

/** POST /portfolios/:id/holdings: an opening position entered directly (no cash moves); defined in @ledgerline/api-schemas. */
export { openPositionRequest as openPositionSchema } from '@ledgerline/api-schemas';
export type OpenPositionInput = z.output<typeof openPositionRequest>;
