import { transactionHistoryQuery as queryShape } from '@ledgerline/api-schemas';
import { toFieldErrors, validationFailed, type FieldError } from '@ledgerline/http-kit';
import type { TradeType } from '@ledgerline/portfolio-client';
import { INSTANT_HINT, parseInstant } from '../shared/instant.ts';
import { decodeCursor, type HistoryCursor } from './history-cursor.ts';
import { DEFAULT_HISTORY_STATUSES, type TransactionStatus } from './transaction-status.ts';

export const DEFAULT_PAGE_SIZE = 20;
const DAY_MS = 24 * 3600 * 1000;

/** A validated history query: `from` inclusive, `to` exclusive (a date-only `to` covers that whole day). */
export interface HistoryQuery {
  portfolioId?: string;
  symbol?: string;
  type?: TradeType;
  /** Which statuses to list (default: completed and pending; rejected ones only when asked for). */
  statuses: readonly TransactionStatus[];
  from?: Date;
  toExclusive?: Date;
  cursor?: HistoryCursor;
  limit: number;
}


/** Validates GET /transactions query parameters (empty values count as absent); faults are 422 naming the parameter. */
export function parseHistoryQuery(raw: Record<string, unknown>): HistoryQuery {
  const present = Object.fromEntries(Object.entries(raw).filter(([, value]) => value !== '' && value !== undefined));
  const shape = queryShape.safeParse(present);
  const errors: FieldError[] = shape.success ? [] : toFieldErrors(shape.error.issues);
  const instant = (field: 'from' | 'to') => {
    const value = present[field];
    if (typeof value !== 'string') return undefined;
    const parsed = parseInstant(value);
    if (!parsed) errors.push({ field, code: 'invalid_date', message: INSTANT_HINT });
    return parsed;
  };
  const from = instant('from');
  const to = instant('to');
  const toExclusive = to && new Date(to.date.getTime() + (to.dateOnly ? DAY_MS : 1));
  if (from && toExclusive && from.date.getTime() >= toExclusive.getTime()) {
    errors.push({ field: 'from', code: 'from_after_to', message: '"from" must not be after "to".' });
  }
  const cursor = typeof present.cursor === 'string' ? decodeCursor(present.cursor) : undefined;
  if (typeof present.cursor === 'string' && !cursor) {
    errors.push({ field: 'cursor', code: 'invalid_cursor', message: 'Use the nextCursor of a previous page.' });
  }
  if (errors.length || !shape.success) throw validationFailed(errors);
  const { portfolioId, symbol, type, status, limit } = shape.data;
  return { portfolioId, symbol, type, statuses: status ?? DEFAULT_HISTORY_STATUSES, from: from?.date, toExclusive, cursor, limit: limit ?? DEFAULT_PAGE_SIZE };
}
