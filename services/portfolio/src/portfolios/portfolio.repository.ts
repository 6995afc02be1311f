import type { Em } from '@ledgerline/db-kit';
import { notFound } from '@ledgerline/http-kit';
import { Portfolio } from './portfolio.entity.ts';

export interface PortfolioPage {
  items: Portfolio[];
  /** Where the next page starts, or null on the last page. */
  after: { createdAt: Date; id: string } | null;
}

/** Data access for portfolios, bound to one request's EntityManager. */
export function portfolioRepository(em: Em) {
  return {
    /** The caller's portfolio, or a 404 — also when it exists but belongs to someone else. */
    async findOwned(id: string, ownerId: string): Promise<Portfolio> {
      const portfolio = await em.findOne(Portfolio, { id, ownerId });
      if (!portfolio) throw notFound('Portfolio');
      return portfolio;
    },
    /** One page of an owner's portfolios, oldest first, after the given position. */
    async listOwned(ownerId: string, limit: number, after?: { createdAt: Date; id: string }): Promise<PortfolioPage> {
      const where = after
        ? { ownerId, $or: [{ createdAt: { $gt: after.createdAt } }, { createdAt: after.createdAt, id: { $gt: after.id } }] }
        : { ownerId };
      const rows = await em.find(Portfolio, where, { orderBy: [{ createdAt: 'asc' }, { id: 'asc' }], limit: limit + 1 });
      const items = rows.slice(0, limit);
      const last = items.at(-1);
      return { items, after: rows.length > limit && last ? { createdAt: last.createdAt, id: last.id } : null };
    },
  };
}
