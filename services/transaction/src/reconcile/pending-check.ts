import type { Orm } from '@ledgerline/db-kit';
import { transactionRepository } from '../transactions/transaction.repository.ts';

/**
 * A readiness entry that reports (never fails on) the pending transactions: how many, and how long the oldest has
 * waited. A count that keeps growing, or an age beyond a few reconcile intervals, means the portfolio service
 * is not answering.
 */
export function pendingCheck(orm: Orm, clock: () => Date) {
  return async () => {
    const { count, oldestCreatedAt } = await transactionRepository(orm.em.fork()).pendingSummary();
    const oldestAgeSeconds = oldestCreatedAt ? Math.max(0, Math.round((clock().getTime() - oldestCreatedAt.getTime()) / 1000)) : null;
    return { ok: true, count, oldestAgeSeconds };
  };
}
