/** The gateway's public API shapes (see /api/v1 in the design). Money and quantities are decimal strings. */

export const RISK_TOLERANCES = ['conservative', 'moderate', 'aggressive'] as const;
export type RiskTolerance = (typeof RISK_TOLERANCES)[number];

export const GOALS = ['retirement', 'education', 'home_purchase', 'wealth_growth', 'income', 'capital_preservation', 'emergency_fund', 'other'] as const;
export type Goal = (typeof GOALS)[number];

export const CURRENCIES = ['USD', 'EUR', 'GBP', 'CHF', 'JPY', 'CAD', 'AUD'] as const;
export type Currency = (typeof CURRENCIES)[number];

export const TRADE_TYPES = ['buy', 'sell', 'deposit', 'withdrawal', 'dividend', 'fee'] as const;
export type TradeType = (typeof TRADE_TYPES)[number];

export interface InvestmentProfile {
  riskTolerance: RiskTolerance;
  horizonYears: number;
  goals: Goal[];
}

export interface PasswordRule {
  code: string;
  text: string;
}

export interface PasswordPolicy {
  rules: PasswordRule[];
}

export interface RegisterRequest {
  email: string;
  password: string;
  fullName: string;
  investmentProfile: InvestmentProfile;
}

export interface User {
  id: string;
  email: string;
  fullName: string;
  role: 'user' | 'admin';
  active: boolean;
  investmentProfile: InvestmentProfile;
  createdAt: string;
  updatedAt: string;
}

export interface UpdateMeRequest {
  fullName?: string;
  investmentProfile?: Partial<InvestmentProfile>;
}

export interface Credentials {
  email: string;
  password: string;
}

export interface TokenPair {
  accessToken: string;
  refreshToken: string;
  tokenType: 'Bearer';
  expiresIn: number;
}

export interface Portfolio {
  id: string;
  name: string;
  baseCurrency: string;
  description: string | null;
  cash: string;
  createdAt: string;
  updatedAt: string;
}

export interface PortfolioList {
  items: Portfolio[];
  nextCursor?: string | null;
}

export interface CreatePortfolioRequest {
  name: string;
  baseCurrency: string;
  description?: string;
}

export interface UpdatePortfolioRequest {
  name?: string;
  baseCurrency?: string;
  description?: string | null;
}

export interface Holding {
  symbol: string;
  name: string;
  assetClass: string;
  quantity: string;
  averageCost: string;
  costBasis: string;
  lastPrice: string;
  marketValue: string;
  unrealizedPnl: string;
  unrealizedPnlPercent: string;
  realizedPnl: string;
}

export interface HoldingList {
  items: Holding[];
}

export interface OpenPositionRequest {
  symbol: string;
  quantity: string;
  averageCost: string;
}

export interface Performance {
  portfolioId: string;
  baseCurrency: string;
  marketValue: string;
  costBasis: string;
  unrealizedPnl: string;
  unrealizedPnlPercent: string;
  realizedPnl: string;
  cash: string;
  totalValue: string;
  allocation: {
    byAssetClass: { assetClass: string; marketValue: string; weight: string }[];
    byHolding: { symbol: string; marketValue: string; weight: string }[];
  };
}

export interface Instrument {
  symbol: string;
  name: string;
  assetClass: string;
  currency: string;
  lastPrice: string;
  priceUpdatedAt: string;
}

export interface InstrumentQuery {
  q?: string;
  assetClass?: string;
}

export interface RecordTransactionRequest {
  portfolioId: string;
  type: TradeType;
  symbol?: string;
  quantity?: string;
  price?: string;
  amount?: string;
  fees?: string;
  executedAt?: string;
}

export interface TradeResult {
  cash: string;
  holding: { symbol: string; quantity: string; averageCost: string; realizedPnl: string } | null;
  realizedPnl: string | null;
}

export interface Transaction {
  id: string;
  portfolioId: string;
  type: TradeType;
  symbol: string | null;
  quantity: string | null;
  price: string | null;
  amount: string | null;
  fees: string | null;
  executedAt: string;
  createdAt: string;
  /** pending: stored, not yet applied (no result; the service finishes it); completed: applied; rejected: refused. */
  status: TransactionStatus;
  result?: TradeResult | null;
  /** Why the portfolio refused it (rejected only). */
  rejection?: { status: number; code: string; detail: string | null } | null;
}

export type TransactionStatus = 'pending' | 'completed' | 'rejected';

export interface TransactionQuery {
  portfolioId?: string;
  symbol?: string;
  type?: string;
  from?: string;
  to?: string;
  cursor?: string;
  limit?: number;
}

export interface TransactionPage {
  items: Transaction[];
  nextCursor: string | null;
}
