import { readRow, writeRows, type Em } from '@ledgerline/db-kit';
import type { ApplyTradeResult } from './trade.view.ts';

/** What answering a replay needs of an applied trade. */
export interface AppliedTradeRecord {
  transactionId: string;
  portfolioId: string;
  result: ApplyTradeResult;
}

const APPLIED_BY_ID = 'select transaction_id as "transactionId", portfolio_id as "portfolioId", result from applied_trade where transaction_id = ?';
const INSERT_APPLIED = 'insert into applied_trade (transaction_id, portfolio_id, type, executed_at, result, applied_at) values (?, ?, ?, ?, ?, ?)';

/** Data access for applied trades on the trade path (prepared statements), bound to one request's EntityManager. */
export function appliedTradeRepository(em: Em) {
  return {
    /** The trade applied under this transaction id, or null. */
    async find(transactionId: string): Promise<AppliedTradeRecord | null> {
      const row = await readRow<{ transactionId: string; portfolioId: string; result: string | ApplyTradeResult }>(em, APPLIED_BY_ID, [transactionId]);
      // JSON comes as the stored text on SQLite, parsed on PostgreSQL.
      return row && { ...row, result: typeof row.result === 'string' ? (JSON.parse(row.result) as ApplyTradeResult) : row.result };
    },
    /** Records that the trade was applied, with its result; a second record of the same id breaks the primary key. */
    async insert(record: AppliedTradeRecord & { type: string; executedAt: Date; appliedAt: Date }): Promise<void> {
      await writeRows(em, INSERT_APPLIED, [record.transactionId, record.portfolioId, record.type, record.executedAt, JSON.stringify(record.result), record.appliedAt]);
    },
  };
}
