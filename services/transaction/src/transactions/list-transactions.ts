import type { Em } from '@ledgerline/db-kit';
import { encodeCursor } from './history-cursor.ts';
import type { HistoryQuery } from './history-query.ts';
import { transactionRepository, type TransactionRecord } from './transaction.repository.ts';

export interface HistoryPage {
  items: TransactionRecord[];
  nextCursor: string | null;
}

/** One page of the caller's own transactions in the asked statuses, newest first (executedAt desc, id desc), keyset-paged. */
export async function listTransactions(em: Em, userId: string, query: HistoryQuery): Promise<HistoryPage> {
  const { limit, ...filter } = query;
  const rows = await transactionRepository(em).page(userId, filter, limit + 1);
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > limit && last ? encodeCursor({ executedAt: last.executedAt, id: last.id }) : null };
}
