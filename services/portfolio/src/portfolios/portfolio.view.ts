import type { Portfolio as PortfolioView } from '@ledgerline/api-schemas';
import { formatMoney } from '../money/money.ts';
import type { PortfolioRow } from './portfolio.repository.ts';

/** The public shape of a portfolio (the owner id is not part of it). */
export function toPortfolioView(portfolio: PortfolioRow): PortfolioView {
  return {
    id: portfolio.id,
    name: portfolio.name,
    baseCurrency: portfolio.baseCurrency,
    description: portfolio.description ?? null,
    cash: formatMoney(portfolio.cash),
    createdAt: portfolio.createdAt.toISOString(),
    updatedAt: portfolio.updatedAt.toISOString(),
  };
}
