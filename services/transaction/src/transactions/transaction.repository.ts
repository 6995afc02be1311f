import type { Em } from '@ledgerline/db-kit';
import type { ObjectQuery } from '@mikro-orm/core';
import { Transaction } from './transaction.entity.ts';

/** What the history shows of a transaction (a Transaction entity has all of it). */
export type TransactionRecord = Pick<Transaction, 'id' | 'portfolioId' | 'type' | 'symbol' | 'quantity' | 'price' | 'amount' | 'fees' | 'executedAt' | 'createdAt' | 'result'>;

/** Data access for transactions, bound to one request's EntityManager; always scoped to one user. */
export function transactionRepository(em: Em) {
  return {
    findOwn: (userId: string, id: string) => em.findOne(Transaction, { id, userId }),
    findByKey: (userId: string, idempotencyKey: string) => em.findOne(Transaction, { userId, idempotencyKey }),
    /**
     * Newest first (executedAt desc, id desc): a stable order for cursor paging. Plain rows, not managed entities:
     * the history is read-only, and hydrating and tracking a page of entities cost more than the query itself.
     */
    async page(where: ObjectQuery<Transaction>, limit: number): Promise<TransactionRecord[]> {
      const rows = await em.getDriver().find(Transaction, where, { orderBy: [{ executedAt: 'desc' }, { id: 'desc' }], limit, ctx: em.getTransactionContext() });
      // Every column is selected; the JSON column comes as the stored text.
      return rows.map((row) => ({ ...row, result: typeof row.result === 'string' ? JSON.parse(row.result) : row.result }) as TransactionRecord);
    },
    add(transaction: Transaction) {
      em.persist(transaction);
    },
    flush: () => em.flush(),
  };
}
