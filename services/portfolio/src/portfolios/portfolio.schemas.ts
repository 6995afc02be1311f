import type { z } from 'zod';
import type { createPortfolioRequest, updatePortfolioRequest } from '@ledgerline/api-schemas';

// The request shapes are the public API's, defined once in @ledgerline/api-schemas (also used by the web UI).
export {
  createPortfolioRequest as createPortfolioSchema,
  updatePortfolioRequest as updatePortfolioSchema,
  portfolioIdParam,
  listPortfoliosQuery,
  deletePortfolioQuery,
} from '@ledgerline/api-schemas';
export type CreatePortfolioInput = z.output<typeof createPortfolioRequest>;
export type UpdatePortfolioInput = z.output<typeof updatePortfolioRequest>;
