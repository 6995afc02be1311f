import type { Em } from '@ledgerline/db-kit';
import { AppError } from '@ledgerline/http-kit';
import { Portfolio } from '../portfolios/portfolio.entity.ts';
import { AppliedTrade } from './applied-trade.entity.ts';
import type { ApplyTradeResult } from './trade.view.ts';

const notApplied = (transactionId: string) =>
  new AppError(404, 'trade_not_applied', 'Not applied', { detail: `Transaction ${transactionId} has not been applied to any of your portfolios.` });

/**
 * Whether a transaction id was applied to one of the caller's portfolios, and its stored result (`applied: false`:
 * asking changes nothing). An id never applied, or applied to someone else's portfolio, is the same 404.
 */
export async function appliedTradeStatus(em: Em, ownerId: string, transactionId: string): Promise<ApplyTradeResult> {
  const applied = await em.findOne(AppliedTrade, { transactionId });
  if (!applied) throw notApplied(transactionId);
  const owned = await em.count(Portfolio, { id: applied.portfolioId, ownerId });
  if (!owned) throw notApplied(transactionId);
  return { ...applied.result, applied: false };
}
