import type { Em } from '@ledgerline/db-kit';
import { Holding } from './holding.entity.ts';

/** What valuing and showing a holding needs (a Holding entity has all of it). */
export type HoldingFigures = Pick<Holding, 'id' | 'symbol' | 'quantity' | 'averageCost' | 'realizedPnl'>;

/** Data access for holdings, bound to one request's EntityManager. */
export function holdingRepository(em: Em) {
  return {
    /**
     * Every holding of a portfolio, closed ones (quantity "0") included, by symbol: plain rows for read-only pages
     * (no managed entities to hydrate and track).
     */
    listFigures: (portfolioId: string): Promise<HoldingFigures[]> =>
      em.createQueryBuilder(Holding).select(['id', 'symbol', 'quantity', 'averageCost', 'realizedPnl']).where({ portfolio: portfolioId }).orderBy({ symbol: 'asc' }).execute('all'),
    findBySymbol: (portfolioId: string, symbol: string) => em.findOne(Holding, { portfolio: portfolioId, symbol }),
  };
}
