import { readRows, writeRows, type Em } from '@ledgerline/db-kit';
import type { HistoryQuery } from './history-query.ts';
import { deriveTransactionId } from './idempotency.ts';
import { Transaction, type TransactionResult } from './transaction.entity.ts';
import type { TransactionRejection } from './transaction-status.ts';

/** What the history shows of a transaction (a Transaction entity has all of it). */
export type TransactionRecord = Pick<
  Transaction,
  'id' | 'portfolioId' | 'type' | 'symbol' | 'quantity' | 'price' | 'amount' | 'fees' | 'executedAt' | 'createdAt' | 'status' | 'result' | 'rejection'
>;

const parsed = <T>(value: unknown): T | null => (typeof value === 'string' ? (JSON.parse(value) as T) : ((value ?? null) as T | null));

/** Which of a user's transactions a history page lists (everything of a HistoryQuery but the page size). */
export type HistoryFilter = Omit<HistoryQuery, 'limit'>;

const HISTORY_COLUMNS = `id, portfolio_id as "portfolioId", type, symbol, quantity, price, amount, fees,
  executed_at as "executedAt", created_at as "createdAt", status, result, rejection`;

/**
 * A history page's SQL, put together from fixed fragments (one text per combination of filters; values are always
 * parameters). Newest first, (executedAt desc, id desc): the order of the (user, executedAt, id) and
 * (user, portfolio, executedAt, id) indexes, so a page is an index range scan with no sort.
 */
function historySql(userId: string, filter: HistoryFilter, limit: number): { sql: string; params: unknown[] } {
  const where = ['user_id = ?', `status in (${filter.statuses.map(() => '?').join(', ')})`];
  const params: unknown[] = [userId, ...filter.statuses];
  const add = (clause: string, ...values: unknown[]) => {
    where.push(clause);
    params.push(...values);
  };
  if (filter.portfolioId) add('portfolio_id = ?', filter.portfolioId);
  if (filter.symbol) add('symbol = ?', filter.symbol);
  if (filter.type) add('type = ?', filter.type);
  if (filter.from) add('executed_at >= ?', filter.from);
  if (filter.toExclusive) add('executed_at < ?', filter.toExclusive);
  // A row-value comparison, not `executed_at < ? or (executed_at = ? and id < ?)`: both engines seek the index to the
  // cursor with it, where the `or` made SQLite walk the portfolio's newer rows on every later page.
  if (filter.cursor) add('(executed_at, id) < (?, ?)', filter.cursor.executedAt, filter.cursor.id);
  params.push(limit);
  return { sql: `select ${HISTORY_COLUMNS} from "transaction" where ${where.join(' and ')} order by executed_at desc, id desc limit ?`, params };
}

const INSERT_TRANSACTION = `insert into "transaction" (id, user_id, portfolio_id, idempotency_key, request_hash, type, symbol, quantity, price,
  amount, fees, executed_at, created_at, status, result, rejection, attempts, next_attempt_at, settled_at)
  values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;
const COMPLETE = `update "transaction" set status = 'completed', result = ?, next_attempt_at = null, settled_at = ? where id = ? and status = 'pending'`;
const REJECT = `update "transaction" set status = 'rejected', rejection = ?, next_attempt_at = null, settled_at = ? where id = ? and status = 'pending'`;
const RETRY_LATER = `update "transaction" set next_attempt_at = ? where id = ? and status = 'pending' and attempts = ?`;

const json = (value: unknown) => (value == null ? null : JSON.stringify(value));

type StoredRecord = Omit<TransactionRecord, 'executedAt' | 'createdAt' | 'result' | 'rejection'> & {
  executedAt: number | string | Date;
  createdAt: number | string | Date;
  result: unknown;
  rejection: unknown;
};

/** Data access for transactions, bound to one request's (or one reconcile run's) EntityManager. */
/** Values a conditional update of one transaction sets. */
export type TransactionChanges = Partial<Pick<Transaction, 'status' | 'result' | 'rejection' | 'nextAttemptAt' | 'settledAt'>>;

export function transactionRepository(em: Em) {
  /** A conditional UPDATE (prepared statement) of one row: the changes when it hit the row, else null. */
  const written = async (sql: string, params: unknown[], changes: TransactionChanges): Promise<TransactionChanges | null> =>
    ((await writeRows(em, sql, params)) === 1 ? changes : null);
  return {
    findOwn: (userId: string, id: string) => em.findOne(Transaction, { id, userId }),
    /**
     * Stores a new row (prepared statement; no unit of work). A used (user, Idempotency-Key) has the same derived id,
     * so it breaks the primary key: MikroORM's UniqueConstraintViolationException, and nothing is written.
     */
    insert: (row: Transaction) =>
      writeRows(em, INSERT_TRANSACTION, [
        row.id, row.userId, row.portfolioId, row.idempotencyKey, row.requestHash, row.type, row.symbol ?? null, row.quantity ?? null, row.price ?? null,
        row.amount ?? null, row.fees, row.executedAt, row.createdAt, row.status, json(row.result), json(row.rejection), row.attempts, row.nextAttemptAt ?? null, row.settledAt ?? null,
      ]),
    /** The row stored under (user, Idempotency-Key): looked up by the id derived from them, its primary key. */
    findByKey: (userId: string, idempotencyKey: string) => em.findOne(Transaction, { id: deriveTransactionId(userId, idempotencyKey), userId, idempotencyKey }),
    /** Re-reads one row from the database (after conditional updates that bypass the unit of work). */
    reload: (id: string) => em.fork().findOneOrFail(Transaction, { id }),
    /**
     * A page of the user's history, newest first (executedAt desc, id desc): a stable order for cursor paging. Plain
     * rows through a prepared statement, not managed entities: the history is read-only, and building the query and
     * hydrating and tracking a page of entities cost more than the query itself.
     */
    async page(userId: string, filter: HistoryFilter, limit: number): Promise<TransactionRecord[]> {
      const { sql, params } = historySql(userId, filter, limit);
      const rows = await readRows<StoredRecord>(em, sql, params);
      // JSON columns come as the stored text on SQLite, parsed on PostgreSQL; datetimes as epoch ms or Dates.
      return rows.map((row) => ({
        ...row,
        executedAt: new Date(row.executedAt),
        createdAt: new Date(row.createdAt),
        result: parsed<TransactionResult>(row.result),
        rejection: parsed<TransactionRejection>(row.rejection),
      }));
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
      written(COMPLETE, [JSON.stringify(result), now, id], { status: 'completed', result, nextAttemptAt: null, settledAt: now }),
    /** pending → rejected with the portfolio's refusal (no-op if someone else settled it first). */
    reject: (id: string, rejection: TransactionRejection, now: Date) =>
      written(REJECT, [JSON.stringify(rejection), now, id], { status: 'rejected', rejection, nextAttemptAt: null, settledAt: now }),
    /** Still pending after `attempt`: due again at `nextAttemptAt` (only if that attempt's claim is still the latest). */
    retryLater: (id: string, attempt: number, nextAttemptAt: Date) => written(RETRY_LATER, [nextAttemptAt, id, attempt], { nextAttemptAt }),

    /** How many transactions are pending, and since when the oldest one waits. */
    async pendingSummary(): Promise<{ count: number; oldestCreatedAt: Date | null }> {
      const count = await em.count(Transaction, { status: 'pending' });
      if (!count) return { count, oldestCreatedAt: null };
      const oldest = await em.findOne(Transaction, { status: 'pending' }, { orderBy: { createdAt: 'asc' }, fields: ['createdAt'] });
      return { count, oldestCreatedAt: oldest?.createdAt ?? null };
    },
  };
}
