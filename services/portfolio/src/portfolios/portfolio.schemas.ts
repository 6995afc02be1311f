import { z } from 'zod';
import { SUPPORTED_CURRENCIES } from './portfolio.entity.ts';

const name = z.string({ error: 'Name is required.' }).trim().min(1, 'Name is required.').max(80, 'Name is at most 80 characters.');
const description = z.string().trim().max(500, 'Description is at most 500 characters.').nullable();
const baseCurrency = z
  .string({ error: `Base currency is required (one of ${SUPPORTED_CURRENCIES.join(', ')}).` })
  .trim()
  .toUpperCase()
  .pipe(z.enum(SUPPORTED_CURRENCIES, { error: `Base currency must be one of ${SUPPORTED_CURRENCIES.join(', ')}.` }));

export const createPortfolioSchema = z.strictObject({ name, baseCurrency, description: description.optional() });
export type CreatePortfolioInput = z.output<typeof createPortfolioSchema>;

export const updatePortfolioSchema = z
  .strictObject({ name: name.optional(), description: description.optional() })
  .refine((value) => value.name !== undefined || value.description !== undefined, 'Send name and/or description.');
export type UpdatePortfolioInput = z.output<typeof updatePortfolioSchema>;

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
