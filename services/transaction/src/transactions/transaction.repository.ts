import type { Em } from '@ledgerline/db-kit';
import type { FilterQuery } from '@mikro-orm/core';
import { Transaction } from './transaction.entity.ts';

/** Data access for transactions, bound to one request's EntityManager; always scoped to one user. */
export function transactionRepository(em: Em) {
  return {
    findOwn: (userId: string, id: string) => em.findOne(Transaction, { id, userId }),
    findByKey: (userId: string, idempotencyKey: string) => em.findOne(Transaction, { userId, idempotencyKey }),
    /** Newest first (executedAt desc, id desc): a stable order for cursor paging. */
    page: (where: FilterQuery<Transaction>, limit: number) =>
      em.find(Transaction, where, { orderBy: [{ executedAt: 'desc' }, { id: 'desc' }], limit }),
    add(transaction: Transaction) {
      em.persist(transaction);
    },
    flush: () => em.flush(),
  };
}
