import type { Em } from '@ledgerline/db-kit';
import type { ObjectQuery } from '@mikro-orm/core';
import { encodeCursor } from './history-cursor.ts';
import type { HistoryQuery } from './history-query.ts';
import type { Transaction } from './transaction.entity.ts';
import { transactionRepository, type TransactionRecord } from './transaction.repository.ts';

export interface HistoryPage {
  items: TransactionRecord[];
  nextCursor: string | null;
}

/** One page of the caller's own transactions in the asked statuses, newest first (executedAt desc, id desc), keyset-paged. */
export async function listTransactions(em: Em, userId: string, query: HistoryQuery): Promise<HistoryPage> {
  const where: ObjectQuery<Transaction>[] = [{ userId }, { status: { $in: [...query.statuses] } }];
  if (query.portfolioId) where.push({ portfolioId: query.portfolioId });
  if (query.symbol) where.push({ symbol: query.symbol });
  if (query.type) where.push({ type: query.type });
  if (query.from) where.push({ executedAt: { $gte: query.from } });
  if (query.toExclusive) where.push({ executedAt: { $lt: query.toExclusive } });
  if (query.cursor) {
    const { executedAt, id } = query.cursor;
    where.push({ $or: [{ executedAt: { $lt: executedAt } }, { executedAt, id: { $lt: id } }] });
  }
  const rows = await transactionRepository(em).page({ $and: where }, query.limit + 1);
  const items = rows.slice(0, query.limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > query.limit && last ? encodeCursor({ executedAt: last.executedAt, id: last.id }) : null };
}
