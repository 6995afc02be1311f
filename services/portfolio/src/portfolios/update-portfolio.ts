import type { Em } from '@ledgerline/db-kit';
import type { Portfolio } from './portfolio.entity.ts';
import type { UpdatePortfolioInput } from './portfolio.schemas.ts';

/** Renames a portfolio and/or changes (or clears, with null or "") its description. */
export async function updatePortfolio(em: Em, portfolio: Portfolio, input: UpdatePortfolioInput, now: Date): Promise<Portfolio> {
  if (input.name !== undefined) portfolio.name = input.name;
  if (input.description !== undefined) portfolio.description = input.description || null;
  portfolio.updatedAt = now;
  await em.flush();
  return portfolio;
}
