import type { Orm } from '@ledgerline/db-kit';
import type { Logger } from '@ledgerline/http-kit';
import type { KeyResolver } from '@ledgerline/auth-tokens';

/** Behaviour settings of the portfolio service. */
export interface PortfolioSettings {
  bodyLimit: string;
}

// 64 kB: a batch of MAX_TRADE_BATCH trades from the transaction service, each with its service token (about 0.7 kB).
export const DEFAULT_PORTFOLIO_SETTINGS: PortfolioSettings = { bodyLimit: '64kb' };

/** Everything createApp needs, passed explicitly (the composition root owns no globals). */
export interface PortfolioDeps {
  orm: Orm;
  logger: Logger;
  /** Public keys that verify access tokens: remoteKeys(AUTH_JWKS_URL) in main.ts, localKeys(issuer.jwks) in tests. */
  keys: KeyResolver;
  /**
   * The transaction service's public keys, which verify its on-behalf-of tokens: the only tokens /internal/* accepts
   * (remoteKeys(TRANSACTION_JWKS_URL) or localKeys(TRANSACTION_JWKS) in main.ts, localKeys(...) in tests).
   */
  internalKeys: KeyResolver;
  settings?: Partial<PortfolioSettings>;
  clock?: () => Date;
}
