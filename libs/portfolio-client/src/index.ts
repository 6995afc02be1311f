// Public API client (used by the gateway):
export { PortfolioApiClient } from './portfolio-api-client.ts';
export * from './portfolio-api-schemas.ts';

// Internal trade endpoint (used by the transaction service):
export {
  TRADE_TYPES,
  TRADE_NOT_APPLIED,
  type TradeType,
  type ApplyTradeRequest,
  type ApplyTradeResult,
  type TradeHolding,
  type CallContext,
  type PortfolioClient,
  type TradeToApply,
  type BatchOutcome,
} from './trade-api.ts';
export { CoalescingPortfolioClient, type BatchingPortfolioClient, type CoalescingOptions } from './coalescing-portfolio-client.ts';
export { HttpPortfolioClient, DEFAULT_PORTFOLIO_TIMEOUT_MS } from './http-portfolio-client.ts';
