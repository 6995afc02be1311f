import { readRow, type Em } from '@ledgerline/db-kit';
import { notFound } from '@ledgerline/http-kit';
import { Instrument, type AssetClass } from './instrument.entity.ts';

/** What valuing a holding needs of its instrument. */
export type InstrumentPrice = Pick<Instrument, 'symbol' | 'name' | 'assetClass' | 'lastPrice'>;

const INSTRUMENT_EXISTS = 'select symbol from instrument where symbol = ?';

/** Data access for instruments, bound to one request's EntityManager. */
export function instrumentRepository(em: Em) {
  return {
    findBySymbol: (symbol: string) => em.findOne(Instrument, { symbol }),
    /** Whether the universe has this symbol (prepared statement): the trade path's check. */
    exists: async (symbol: string): Promise<boolean> => (await readRow(em, INSTRUMENT_EXISTS, [symbol])) !== null,
    async getBySymbol(symbol: string): Promise<Instrument> {
      const instrument = await em.findOne(Instrument, { symbol });
      if (!instrument) throw notFound(`Instrument ${symbol}`);
      return instrument;
    },
    /**
     * Name, asset class and last price of instruments, by symbol: plain rows for read-only valuation (no managed
     * entities to hydrate and track: about a third cheaper than loading entities).
     */
    async pricesBySymbols(symbols: string[]): Promise<Map<string, InstrumentPrice>> {
      if (!symbols.length) return new Map();
      const rows: InstrumentPrice[] = await em.createQueryBuilder(Instrument).select(['symbol', 'name', 'assetClass', 'lastPrice']).where({ symbol: { $in: symbols } }).execute('all');
      return new Map(rows.map((row) => [row.symbol, row]));
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
