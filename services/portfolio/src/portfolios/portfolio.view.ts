import { formatMoney } from '../money/money.ts';
import type { Portfolio } from './portfolio.entity.ts';

export interface PortfolioView {
  id: string;
  name: string;
  baseCurrency: string;
  description: string | null;
  cash: string;
  createdAt: string;
  updatedAt: string;
}

/** The public shape of a portfolio (the owner id is not part of it). */
export function toPortfolioView(portfolio: Portfolio): PortfolioView {
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
