/** The agreed transaction → portfolio API: POST /internal/portfolios/:portfolioId/trades. */

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

/** Who the call is made for: the end user's access token (forwarded) and the request id. */
export interface CallContext {
  accessToken: string;
  requestId?: string;
}

/** The portfolio service as the transaction service sees it. */
export interface PortfolioClient {
  applyTrade(request: ApplyTradeRequest, ctx: CallContext): Promise<ApplyTradeResult>;
}
