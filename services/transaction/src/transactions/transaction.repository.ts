import type { Em } from '@ledgerline/db-kit';
import type { ObjectQuery } from '@mikro-orm/core';
import { Transaction, type TransactionResult } from './transaction.entity.ts';
import type { TransactionRejection } from './transaction-status.ts';

/** What the history shows of a transaction (a Transaction entity has all of it). */
export type TransactionRecord = Pick<
  Transaction,
  'id' | 'portfolioId' | 'type' | 'symbol' | 'quantity' | 'price' | 'amount' | 'fees' | 'executedAt' | 'createdAt' | 'status' | 'result' | 'rejection'
>;

const parsed = <T>(value: unknown): T | null => (typeof value === 'string' ? (JSON.parse(value) as T) : ((value ?? null) as T | null));

/** Data access for transactions, bound to one request's (or one reconcile run's) EntityManager. */
/** Values a conditional update of one transaction sets. */
export type TransactionChanges = Partial<Pick<Transaction, 'status' | 'result' | 'rejection' | 'nextAttemptAt' | 'settledAt'>>;

export function transactionRepository(em: Em) {
  /** UPDATE of row `id` where `condition` holds; the changes when it hit the row, else null. */
  const written = async (id: string, condition: ObjectQuery<Transaction>, changes: TransactionChanges): Promise<TransactionChanges | null> =>
    ((await em.nativeUpdate(Transaction, { ...condition, id }, changes)) === 1 ? changes : null);
  return {
    findOwn: (userId: string, id: string) => em.findOne(Transaction, { id, userId }),
    findByKey: (userId: string, idempotencyKey: string) => em.findOne(Transaction, { userId, idempotencyKey }),
    /** Re-reads one row from the database (after conditional updates that bypass the unit of work). */
    reload: (id: string) => em.fork().findOneOrFail(Transaction, { id }),
    /**
     * Newest first (executedAt desc, id desc): a stable order for cursor paging. Plain rows, not managed entities:
     * the history is read-only, and hydrating and tracking a page of entities cost more than the query itself.
     */
    async page(where: ObjectQuery<Transaction>, limit: number): Promise<TransactionRecord[]> {
      const rows = await em.getDriver().find(Transaction, where, { orderBy: [{ executedAt: 'desc' }, { id: 'desc' }], limit, ctx: em.getTransactionContext() });
      // Every column is selected; JSON columns come as the stored text.
      return rows.map((row) => ({ ...row, result: parsed(row.result), rejection: parsed(row.rejection) }) as TransactionRecord);
    },

    /** Pending rows whose time has come (backoff over, no live claim), the longest-waiting first. */
    due: (now: Date, limit: number) =>
      em.find(Transaction, { status: 'pending', nextAttemptAt: { $lte: now } }, { orderBy: [{ nextAttemptAt: 'asc' }, { id: 'asc' }], limit }),
    /**
     * Claims a pending row for one attempt: a conditional UPDATE that succeeds only if nobody else claimed or
     * settled it since it was read (status, attempt count and due time unchanged). Returns the attempt number, or
     * null when another sender won. The claim lasts until `leaseUntil`; if its holder dies, the row is due again then.
     */
    async claim(row: Pick<Transaction, 'id' | 'attempts'>, now: Date, leaseUntil: Date): Promise<number | null> {
      const attempt = row.attempts + 1;
      const claimed = await em.nativeUpdate(
        Transaction,
        { id: row.id, status: 'pending', attempts: row.attempts, nextAttemptAt: { $lte: now } },
        { attempts: attempt, nextAttemptAt: leaseUntil },
      );
      return claimed === 1 ? attempt : null;
    },
    /**
     * pending → completed with the portfolio's result (no-op if someone else settled it first). Each of these three
     * conditional updates returns the values it wrote, or null when the condition failed and the row is unchanged.
     */
    complete: (id: string, result: TransactionResult, now: Date) =>
      written(id, { status: 'pending' }, { status: 'completed', result, nextAttemptAt: null, settledAt: now }),
    /** pending → rejected with the portfolio's refusal (no-op if someone else settled it first). */
    reject: (id: string, rejection: TransactionRejection, now: Date) =>
      written(id, { status: 'pending' }, { status: 'rejected', rejection, nextAttemptAt: null, settledAt: now }),
    /** Still pending after `attempt`: due again at `nextAttemptAt` (only if that attempt's claim is still the latest). */
    retryLater: (id: string, attempt: number, nextAttemptAt: Date) =>
      written(id, { status: 'pending', attempts: attempt }, { nextAttemptAt }),

    /** How many transactions are pending, and since when the oldest one waits. */
    async pendingSummary(): Promise<{ count: number; oldestCreatedAt: Date | null }> {
      const count = await em.count(Transaction, { status: 'pending' });
      if (!count) return { count, oldestCreatedAt: null };
      const oldest = await em.findOne(Transaction, { status: 'pending' }, { orderBy: { createdAt: 'asc' }, fields: ['createdAt'] });
      return { count, oldestCreatedAt: oldest?.createdAt ?? null };
    },
  };
}
