import { readRows, type Em } from '@ledgerline/db-kit';
import type { InstrumentPrice } from '../instruments/instrument.repository.ts';
import { Holding } from './holding.entity.ts';

/** What valuing and showing a holding needs (a Holding entity has all of it). */
export type HoldingFigures = Pick<Holding, 'id' | 'symbol' | 'quantity' | 'averageCost' | 'realizedPnl'>;

/** A holding's figures with its instrument's name, asset class and last price (null if the instrument is missing). */
export type PricedHoldingRow = HoldingFigures & { [K in Exclude<keyof InstrumentPrice, 'symbol'>]: InstrumentPrice[K] | null };

/** Every holding of a portfolio with its instrument, by symbol, in one indexed read. */
const PRICED_HOLDINGS = `select h.id, h.symbol, h.quantity, h.average_cost as "averageCost", h.realized_pnl as "realizedPnl",
  i.name, i.asset_class as "assetClass", i.last_price as "lastPrice"
  from holding h left join instrument i on i.symbol = h.symbol
  where h.portfolio_id = ? order by h.symbol`;

/** Data access for holdings, bound to one request's EntityManager. */
export function holdingRepository(em: Em) {
  return {
    /**
     * Every holding of a portfolio, closed ones (quantity "0") included, by symbol, with its instrument's price:
     * plain rows through a prepared statement for the read-only pages (no entities to hydrate and track, no query
     * to build).
     */
    listPriced: (portfolioId: string): Promise<PricedHoldingRow[]> => readRows<PricedHoldingRow>(em, PRICED_HOLDINGS, [portfolioId]),
    findBySymbol: (portfolioId: string, symbol: string) => em.findOne(Holding, { portfolio: portfolioId, symbol }),
  };
}
