import type { Em } from '@ledgerline/db-kit';
import { notFound } from '@ledgerline/http-kit';
import { Instrument, type AssetClass } from './instrument.entity.ts';

/** Data access for instruments, bound to one request's EntityManager. */
export function instrumentRepository(em: Em) {
  return {
    findBySymbol: (symbol: string) => em.findOne(Instrument, { symbol }),
    async getBySymbol(symbol: string): Promise<Instrument> {
      const instrument = await em.findOne(Instrument, { symbol });
      if (!instrument) throw notFound(`Instrument ${symbol}`);
      return instrument;
    },
    /** Instruments by symbol, as a map. */
    async mapBySymbols(symbols: string[]): Promise<Map<string, Instrument>> {
      const rows = symbols.length ? await em.find(Instrument, { symbol: { $in: symbols } }) : [];
      return new Map(rows.map((instrument) => [instrument.symbol, instrument]));
    },
    /**
     * Search: symbol prefix, name prefix or the prefix of a word in the name; case-insensitive (SQLite LIKE).
     * `q` is validated to contain no LIKE wildcards.
     */
    search(query: { q?: string; assetClass?: AssetClass }) {
      const where: Record<string, unknown> = {};
      if (query.assetClass) where.assetClass = query.assetClass;
      if (query.q) where.$or = [{ symbol: { $like: `${query.q}%` } }, { name: { $like: `${query.q}%` } }, { name: { $like: `% ${query.q}%` } }];
      return em.find(Instrument, where, { orderBy: { symbol: 'asc' } });
    },
  };
}
