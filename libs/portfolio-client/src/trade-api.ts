/**
 * The agreed transaction → portfolio API: POST /internal/portfolios/:portfolioId/trades (apply, idempotent by
 * transactionId) and GET /internal/trades/:transactionId (was it applied, and with what result).
 */

export const TRADE_TYPES = ['buy', 'sell', 'deposit', 'withdrawal', 'dividend', 'fee'] as const;
export type TradeType = (typeof TRADE_TYPES)[number];

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

/** A holding after the trade (quantity "0" stays so its realised P/L is kept). */
export interface TradeHolding {
  symbol: string;
  quantity: string;
  averageCost: string;
  realizedPnl: string;
}

/** What the portfolio answers: the state after the trade; `applied: false` means it had been applied before. */
export interface ApplyTradeResult {
  transactionId: string;
  portfolioId: string;
  applied: boolean;
  cash: string;
  holding: TradeHolding | null;
  /** Realised P/L of this transaction (sell only). */
  realizedPnl: string | null;
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
