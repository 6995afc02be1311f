import type { Em } from '@ledgerline/db-kit';
import { Holding } from './holding.entity.ts';

/** Data access for holdings, bound to one request's EntityManager. */
export function holdingRepository(em: Em) {
  return {
    /** Every holding of a portfolio, closed ones (quantity "0") included, by symbol. */
    listAll: (portfolioId: string) => em.find(Holding, { portfolio: portfolioId }, { orderBy: { symbol: 'asc' } }),
    findBySymbol: (portfolioId: string, symbol: string) => em.findOne(Holding, { portfolio: portfolioId, symbol }),
  };
}
