import { readRow, readRows, writeRows, type Em } from '@ledgerline/db-kit';
import { notFound } from '@ledgerline/http-kit';
import { Portfolio } from './portfolio.entity.ts';

/** What the read-only pages (holdings, performance) need of the caller's portfolio. */
export type PortfolioFigures = Pick<Portfolio, 'id' | 'baseCurrency' | 'cash'>;

/** The owner is part of the lookup: someone else's portfolio is not found, exactly as `findOwned`. */
const OWNED_FIGURES = 'select id, base_currency as "baseCurrency", cash from portfolio where id = ? and owner_id = ?';

const SET_CASH = 'update portfolio set cash = ?, updated_at = ? where id = ?';
/** Takes the portfolio row's write lock for the rest of the transaction (a no-op update: portable SQL). */
const LOCK = 'update portfolio set updated_at = updated_at where id = ?';

/** An owner's portfolios in (createdAt, id) order, from the start or after a position: the (owner, createdAt, id) index. */
const LIST_COLUMNS = 'id, name, base_currency as "baseCurrency", description, cash, created_at as "createdAt", updated_at as "updatedAt"';
const OWNED_PAGE = `select ${LIST_COLUMNS} from portfolio where owner_id = ? order by created_at, id limit ?`;
const OWNED_PAGE_AFTER = `select ${LIST_COLUMNS} from portfolio
  where owner_id = ? and (created_at > ? or (created_at = ? and id > ?)) order by created_at, id limit ?`;

type StoredRow = Omit<PortfolioRow, 'createdAt' | 'updatedAt'> & { createdAt: number | string | Date; updatedAt: number | string | Date };
const toRow = (row: StoredRow): PortfolioRow => ({ ...row, createdAt: new Date(row.createdAt), updatedAt: new Date(row.updatedAt) });

/** What the list shows of a portfolio (a Portfolio entity has all of it). */
export type PortfolioRow = Pick<Portfolio, 'id' | 'name' | 'baseCurrency' | 'description' | 'cash' | 'createdAt' | 'updatedAt'>;

export interface PortfolioPage {
  items: PortfolioRow[];
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
    /**
     * `findOwned` for read-only pages: a plain row through a prepared statement (no entity to hydrate and track),
     * the same 404 for a missing or foreign portfolio.
     */
    async findOwnedFigures(id: string, ownerId: string): Promise<PortfolioFigures> {
      const portfolio = await readRow<PortfolioFigures>(em, OWNED_FIGURES, [id, ownerId]);
      if (!portfolio) throw notFound('Portfolio');
      return portfolio;
    },
    /**
     * Inside a transaction, before reading the portfolio to change it: takes its row lock, so that concurrent trades
     * on one portfolio run one after the other — on PostgreSQL, where transactions run in parallel, a trade that
     * read the cash before another committed would otherwise write back a stale sum (SQLite already runs one writer
     * at a time). The ownership check stays with the read that follows (`findOwnedFigures`).
     */
    async lockForUpdate(id: string): Promise<void> {
      await writeRows(em, LOCK, [id]);
    },
    /** Stores a portfolio's new cash (prepared statement): the trade path's write. */
    async setCash(id: string, cash: string, now: Date): Promise<void> {
      const changed = await writeRows(em, SET_CASH, [cash, now, id]);
      if (changed !== 1) throw new Error(`portfolio ${id} was not updated (${changed} rows)`);
    },
    /** One page of an owner's portfolios, oldest first, after the given position: plain rows, prepared statements. */
    async listOwned(ownerId: string, limit: number, after?: { createdAt: Date; id: string }): Promise<PortfolioPage> {
      const stored = after
        ? await readRows<StoredRow>(em, OWNED_PAGE_AFTER, [ownerId, after.createdAt, after.createdAt, after.id, limit + 1])
        : await readRows<StoredRow>(em, OWNED_PAGE, [ownerId, limit + 1]);
      const rows = stored.map(toRow);
      const items = rows.slice(0, limit);
      const last = items.at(-1);
      return { items, after: rows.length > limit && last ? { createdAt: last.createdAt, id: last.id } : null };
    },
  };
}
