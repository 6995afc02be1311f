/**
 * The agreed transaction → portfolio API: POST /internal/portfolios/:portfolioId/trades (apply, idempotent by
 * transactionId), POST /internal/trade-batches (several applies in one call) and GET /internal/trades/:transactionId
 * (was it applied, and with what result).
 */

import type { AppError } from '@ledgerline/http-kit';
import type { ApplyTradeRequest, ApplyTradeResult } from '@ledgerline/api-schemas/internal';

export { TRADE_TYPES, type TradeType, type TradeHolding } from '@ledgerline/api-schemas';
export type { ApplyTradeRequest, ApplyTradeResult } from '@ledgerline/api-schemas/internal';

/**
 * Who the call is made for: an on-behalf-of token of the transaction service for the user (never the user's own
 * access token, which the internal API refuses) and the request id.
 */
export interface CallContext {
  accessToken: string;
  requestId?: string;
}

/** One trade of a batch: what applyTrade takes. */
export interface TradeToApply {
  request: ApplyTradeRequest;
  ctx: CallContext;
}

/** One trade's outcome in a batch: its result, or the error applyTrade would have thrown for it. */
export type BatchOutcome = { result: ApplyTradeResult } | { error: AppError };

/** The portfolio service as the transaction service sees it. */
export interface PortfolioClient {
  applyTrade(request: ApplyTradeRequest, ctx: CallContext): Promise<ApplyTradeResult>;
  /** The stored result of an applied transaction id (`applied: false`), or null when it was never applied. */
  tradeStatus(transactionId: string, ctx: CallContext): Promise<ApplyTradeResult | null>;
}

/** The code of the 404 the status read answers for a transaction id that was never applied. */
export const TRADE_NOT_APPLIED = 'trade_not_applied';
