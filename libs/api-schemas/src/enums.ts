/**
 * The public API's fixed vocabularies. Plain constants with no zod import, so the web UI's bundle takes them
 * without the schemas (the package is side-effect free: modules it does not use are dropped).
 */
export const RISK_TOLERANCES = ['conservative', 'moderate', 'aggressive'] as const;
export type RiskTolerance = (typeof RISK_TOLERANCES)[number];
export const GOALS = ['retirement', 'education', 'home_purchase', 'wealth_growth', 'income', 'capital_preservation', 'emergency_fund', 'other'] as const;
export type Goal = (typeof GOALS)[number];
export const ROLES = ['user', 'admin'] as const;

export const CURRENCIES = ['USD', 'EUR', 'GBP', 'CHF', 'JPY', 'CAD', 'AUD'] as const;
export type Currency = (typeof CURRENCIES)[number];
export const ASSET_CLASSES = ['equity', 'etf', 'bond', 'cash'] as const;
export type AssetClass = (typeof ASSET_CLASSES)[number];

export const TRADE_TYPES = ['buy', 'sell', 'deposit', 'withdrawal', 'dividend', 'fee'] as const;
export type TradeType = (typeof TRADE_TYPES)[number];
/** pending: stored, not yet applied (no result; the service finishes it); completed: applied; rejected: refused. */
export const TRANSACTION_STATUSES = ['pending', 'completed', 'rejected'] as const;
export type TransactionStatus = (typeof TRANSACTION_STATUSES)[number];
