/**
 * The agreed transaction → portfolio API: POST /internal/portfolios/:portfolioId/trades (apply, idempotent by
 * transactionId) and GET /internal/trades/:transactionId (was it applied, and with what result).
 */

import type { ApplyTradeResult, TradeType } from '@ledgerline/api-schemas';

export { TRADE_TYPES, type ApplyTradeResult, type TradeType, type TradeHolding } from '@ledgerline/api-schemas';

/** One trade or cash movement to apply; decimals are strings ("10.5", "105.00"). */
export interface ApplyTradeRequest {
  transactionId: string;
  portfolioId: string;
  type: TradeType;
  symbol?: string;
  quantity?: string;
  price?: string;
  amount?: string;
  fees?: string;
  executedAt: string;
}

/**
 * Who the call is made for: an on-behalf-of token of the transaction service for the user (never the user's own
 * access token, which the internal API refuses) and the request id.
 */
export interface CallContext {
  accessToken: string;
  requestId?: string;
}

/** The portfolio service as the transaction service sees it. */
export interface PortfolioClient {
  applyTrade(request: ApplyTradeRequest, ctx: CallContext): Promise<ApplyTradeResult>;
  /** The stored result of an applied transaction id (`applied: false`), or null when it was never applied. */
  tradeStatus(transactionId: string, ctx: CallContext): Promise<ApplyTradeResult | null>;
}

/** The code of the 404 the status read answers for a transaction id that was never applied. */
export const TRADE_NOT_APPLIED = 'trade_not_applied';
