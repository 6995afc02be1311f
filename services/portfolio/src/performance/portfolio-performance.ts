import type { Performance } from '@ledgerline/api-schemas';
import type { Em } from '@ledgerline/db-kit';
import { valuePortfolioHoldings } from '../holdings/valued-holdings.ts';
import { parseFixed } from '../money/fixed-point.ts';
import { summarisePerformance } from '../pnl/valuation.ts';
import type { PortfolioFigures } from '../portfolios/portfolio.repository.ts';

/**
 * A portfolio's performance at its instruments' last prices. Figures are summed as they are, in the
 * instruments' currency: there is no FX conversion (the seeded universe is all USD).
 */
export async function portfolioPerformance(em: Em, portfolio: PortfolioFigures): Promise<Performance> {
  const valued = await valuePortfolioHoldings(em, portfolio.id);
  return { portfolioId: portfolio.id, baseCurrency: portfolio.baseCurrency, ...summarisePerformance(valued, parseFixed(portfolio.cash)) };
}
