import type { Orm } from '@ledgerline/db-kit';
import type { Logger } from '@ledgerline/http-kit';
import type { KeyResolver, SigningKey } from '@ledgerline/auth-tokens';
import type { PortfolioClient } from '@ledgerline/portfolio-client';

/** Behaviour settings of the transaction service (no database settings here: the ORM is passed in open). */
export interface TransactionSettings {
  bodyLimit: string;
  /** How far in the future an executedAt may be (clock skew between the user's device and us). */
  maxClockSkewMs: number;
  /** Lifetime of an on-behalf-of token for one call to the portfolio service. */
  serviceTokenTtlSeconds: number;
  /** How often the reconciler looks for pending transactions (TRANSACTION_RECONCILE_INTERVAL_MS). */
  reconcileIntervalMs: number;
  /** The most pending transactions one reconcile run sends. */
  reconcileBatchSize: number;
  /** Delay before the 2nd attempt at a pending transaction, doubled for each further one (TRANSACTION_RETRY_BACKOFF_MS). */
  retryBackoffMs: number;
  /** The longest delay between two attempts (TRANSACTION_RETRY_MAX_BACKOFF_MS). */
  retryMaxBackoffMs: number;
  /** How long a sender owns a pending transaction it claimed; longer than one portfolio call may take. */
  claimLeaseMs: number;
}

export const DEFAULT_TRANSACTION_SETTINGS: TransactionSettings = {
  bodyLimit: '16kb',
  maxClockSkewMs: 60_000,
  serviceTokenTtlSeconds: 60,
  reconcileIntervalMs: 5_000,
  reconcileBatchSize: 50,
  retryBackoffMs: 1_000,
  retryMaxBackoffMs: 5 * 60_000,
  claimLeaseMs: 10_000,
};

/** Everything createApp needs, passed explicitly (the composition root owns no globals). */
export interface TransactionDeps {
  orm: Orm;
  logger: Logger;
  /** Verifies access tokens locally (remoteKeys(jwksUrl) in main.ts, localKeys(jwks) in tests). */
  keys: KeyResolver;
  /** The service's own key: signs its on-behalf-of tokens to the portfolio service, published at /.well-known/jwks.json. */
  signingKey: SigningKey;
  portfolio: PortfolioClient;
  clock?: () => Date;
  settings?: Partial<TransactionSettings>;
}
