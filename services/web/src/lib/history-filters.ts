import type { TransactionQuery } from '@ledgerline/api-schemas';

/** The history screen's filter inputs (type '' = all; dates as YYYY-MM-DD or ''). */
export interface HistoryFilters {
  type: string;
  symbol: string;
  from: string;
  to: string;
}

export const EMPTY_FILTERS: HistoryFilters = { type: '', symbol: '', from: '', to: '' };
export const HISTORY_PAGE_SIZE = 20;

/** The GET /transactions query for a portfolio's history page: blank filters left out, symbol in capitals. */
export function historyQuery(portfolioId: string, filters: HistoryFilters, cursor?: string | null): TransactionQuery {
  const query: TransactionQuery = { portfolioId };
  if (filters.type) query.type = filters.type;
  const symbol = filters.symbol.trim().toUpperCase();
  if (symbol) query.symbol = symbol;
  if (filters.from) query.from = filters.from;
  if (filters.to) query.to = filters.to;
  if (cursor) query.cursor = cursor;
  query.limit = HISTORY_PAGE_SIZE;
  return query;
}

/** Field errors the filters can be refused for before asking the server ('' dates are fine). */
export function checkFilters(filters: HistoryFilters): Record<string, string> {
  if (filters.from && filters.to && filters.from > filters.to) return { to: 'The end date is before the start date.' };
  return {};
}
