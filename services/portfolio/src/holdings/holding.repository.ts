import { readRow, readRows, writeRows, type Em } from '@ledgerline/db-kit';
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

/** A position's figures as stored (quantity ≤ 6 dp, averageCost 10 dp, realizedPnl 2 dp). */
export type PositionFigures = Pick<Holding, 'quantity' | 'averageCost' | 'realizedPnl'>;

const HOLDING_BY_SYMBOL = 'select id, symbol, quantity, average_cost as "averageCost", realized_pnl as "realizedPnl" from holding where portfolio_id = ? and symbol = ?';
const UPDATE_HOLDING = 'update holding set quantity = ?, average_cost = ?, realized_pnl = ?, updated_at = ? where id = ?';
const INSERT_HOLDING = `insert into holding (id, portfolio_id, symbol, quantity, average_cost, realized_pnl, created_at, updated_at)
  values (?, ?, ?, ?, ?, ?, ?, ?)`;

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
    /** A portfolio's holding of one symbol as a plain row (prepared statement), or null: the trade path's read. */
    figuresBySymbol: (portfolioId: string, symbol: string): Promise<HoldingFigures | null> => readRow<HoldingFigures>(em, HOLDING_BY_SYMBOL, [portfolioId, symbol]),
    /** Stores a position's new figures (prepared statements): the holding updated, or opened with `newId`. */
    async savePosition(portfolioId: string, symbol: string, existing: HoldingFigures | null, figures: PositionFigures, now: Date, newId: () => string): Promise<HoldingFigures> {
      if (existing) {
        const changed = await writeRows(em, UPDATE_HOLDING, [figures.quantity, figures.averageCost, figures.realizedPnl, now, existing.id]);
        if (changed !== 1) throw new Error(`holding ${existing.id} was not updated (${changed} rows)`);
        return { ...existing, ...figures };
      }
      const id = newId();
      await writeRows(em, INSERT_HOLDING, [id, portfolioId, symbol, figures.quantity, figures.averageCost, figures.realizedPnl, now, now]);
      return { id, symbol, ...figures };
    },
  };
}
