import type { Orm } from '@ledgerline/db-kit';
import type { Logger } from '@ledgerline/http-kit';
import type { KeyResolver } from '@ledgerline/auth-tokens';
import type { PortfolioClient } from '@ledgerline/portfolio-client';

/** Behaviour settings of the transaction service (no database settings here: the ORM is passed in open). */
export interface TransactionSettings {
  bodyLimit: string;
  /** How far in the future an executedAt may be (clock skew between the user's device and us). */
  maxClockSkewMs: number;
}

export const DEFAULT_TRANSACTION_SETTINGS: TransactionSettings = {
  bodyLimit: '16kb',
  maxClockSkewMs: 60_000,
};

/** Everything createApp needs, passed explicitly (the composition root owns no globals). */
export interface TransactionDeps {
  orm: Orm;
  logger: Logger;
  /** Verifies access tokens locally (remoteKeys(jwksUrl) in main.ts, localKeys(jwks) in tests). */
  keys: KeyResolver;
  portfolio: PortfolioClient;
  clock?: () => Date;
  settings?: Partial<TransactionSettings>;
}
