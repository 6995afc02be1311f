import type { Em } from '@ledgerline/db-kit';
import { AppError, conflict } from '@ledgerline/http-kit';
import type { ApplyTradeRequest, ApplyTradeResult, PortfolioClient } from '@ledgerline/portfolio-client';
import type { ServiceTokens } from '../service-identity/on-behalf-of.ts';
import type { Transaction } from './transaction.entity.ts';
import { transactionRepository, type TransactionChanges } from './transaction.repository.ts';
import { isDefinitiveRefusal, rejectionOf } from './transaction-status.ts';

/** When a pending transaction is sent again. */
export interface RetryPolicy {
  /** Delay after the first failed attempt; doubles with every further one. */
  backoffMs: number;
  /** The longest delay between two attempts. */
  maxBackoffMs: number;
  /** How long a sender owns a claimed row; must outlast one call to the portfolio service. */
  leaseMs: number;
}

export interface SendDeps {
  portfolio: PortfolioClient;
  tokens: ServiceTokens;
  clock: () => Date;
  retry: RetryPolicy;
}

/** What one attempt came to. `pending`: no definitive answer (outage, timeout, bad answer); tried again later. */
export type Outcome =
  | { status: 'completed'; result: ApplyTradeResult }
  | { status: 'rejected'; error: AppError }
  | { status: 'pending'; error: unknown; retryAt: Date };

/** An attempt's outcome and the values it wrote to the row (null: another sender had settled it, the row is as that one left it). */
export type Attempt = Outcome & { written: TransactionChanges | null };

/** The delay before attempt `attempt + 1`: backoff × 2^(attempt − 1), at most maxBackoffMs. */
export function retryDelayMs(attempt: number, policy: RetryPolicy): number {
  return Math.min(policy.maxBackoffMs, policy.backoffMs * 2 ** Math.max(0, attempt - 1));
}

export function toTradeRequest(transaction: Transaction): ApplyTradeRequest {
  const request: ApplyTradeRequest = {
    transactionId: transaction.id, portfolioId: transaction.portfolioId, type: transaction.type, fees: transaction.fees, executedAt: transaction.executedAt.toISOString(),
  };
  if (transaction.symbol != null) request.symbol = transaction.symbol;
  if (transaction.quantity != null) request.quantity = transaction.quantity;
  if (transaction.price != null) request.price = transaction.price;
  if (transaction.amount != null) request.amount = transaction.amount;
  return request;
}

/**
 * One attempt at a pending transaction the caller has claimed (attempt number `attempt`): asks the portfolio service
 * (as the transaction service, on behalf of its user) and records the answer — completed with the result, rejected
 * on a definitive refusal, or still pending with its next due time. With `askFirst`, it first reads whether the id
 * was already applied (e.g. before a crash) and completes it from that stored result without sending it again.
 * The apply is idempotent by transaction id, so a second sender can never apply it twice.
 */
export async function sendToPortfolio(em: Em, deps: SendDeps, transaction: Transaction, attempt: number, options: { askFirst: boolean; requestId?: string }): Promise<Attempt> {
  const outcome = await ask(deps, transaction, attempt, options);
  const repository = transactionRepository(em);
  const now = deps.clock();
  let written: TransactionChanges | null;
  if (outcome.status === 'completed') {
    const { cash, holding, realizedPnl } = outcome.result;
    written = await repository.complete(transaction.id, { cash, holding, realizedPnl }, now);
  } else if (outcome.status === 'rejected') {
    written = await repository.reject(transaction.id, rejectionOf(outcome.error), now);
  } else {
    written = await repository.retryLater(transaction.id, attempt, outcome.retryAt);
  }
  return { ...outcome, written };
}

async function ask(deps: SendDeps, transaction: Transaction, attempt: number, options: { askFirst: boolean; requestId?: string }): Promise<Outcome> {
  try {
    const ctx = { accessToken: await deps.tokens(transaction.userId), requestId: options.requestId };
    const known = options.askFirst ? await deps.portfolio.tradeStatus(transaction.id, ctx) : null;
    if (known && known.portfolioId !== transaction.portfolioId) {
      return { status: 'rejected', error: conflict('transaction_id_conflict', `Transaction ${transaction.id} was applied to another portfolio.`) };
    }
    return { status: 'completed', result: known ?? (await deps.portfolio.applyTrade(toTradeRequest(transaction), ctx)) };
  } catch (error) {
    if (error instanceof AppError && isDefinitiveRefusal(error)) return { status: 'rejected', error };
    return { status: 'pending', error, retryAt: new Date(deps.clock().getTime() + retryDelayMs(attempt, deps.retry)) };
  }
}
