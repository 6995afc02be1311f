import { formatInstant } from '../shared/instant.ts';

/** Where a history page ended: the last item's (executedAt, id), in the list's order. */
export interface HistoryCursor {
  executedAt: Date;
  id: string;
}

/** An opaque base64url token for a cursor. */
export function encodeCursor(cursor: HistoryCursor): string {
  return Buffer.from(JSON.stringify([formatInstant(cursor.executedAt), cursor.id]), 'utf8').toString('base64url');
}

/** Reads a token made by encodeCursor; undefined for anything else. */
export function decodeCursor(token: string): HistoryCursor | undefined {
  if (!/^[A-Za-z0-9_-]{1,200}$/.test(token)) return undefined;
  try {
    const value: unknown = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
    if (!Array.isArray(value) || value.length !== 2) return undefined;
    const [executedAt, id] = value as unknown[];
    if (typeof executedAt !== 'string' || typeof id !== 'string' || !id || id.length > 64) return undefined;
    const date = new Date(executedAt);
    if (Number.isNaN(date.getTime()) || formatInstant(date) !== executedAt) return undefined;
    return { executedAt: date, id };
  } catch {
    return undefined;
  }
}
