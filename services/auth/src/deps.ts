import type { Orm } from '@ledgerline/db-kit';
import type { Logger } from '@ledgerline/http-kit';
import { ACCESS_TOKEN_TTL_SECONDS, type SigningKey } from '@ledgerline/auth-tokens';
import { DEFAULT_SCRYPT_COST, type ScryptCost } from './passwords/password-hasher.ts';

/** Behaviour settings of the auth service (no database settings here: the ORM is passed in open). */
export interface AuthSettings {
  accessTokenTtlSeconds: number;
  refreshTokenTtlSeconds: number;
  scryptCost: ScryptCost;
  loginMaxFailures: number;
  loginWindowSeconds: number;
  bodyLimit: string;
}

/** The production settings (config.ts reads overrides from the environment on top of these; tests build them too). */
export const DEFAULT_AUTH_SETTINGS: AuthSettings = {
  accessTokenTtlSeconds: ACCESS_TOKEN_TTL_SECONDS,
  refreshTokenTtlSeconds: 14 * 24 * 3600,
  scryptCost: DEFAULT_SCRYPT_COST,
  loginMaxFailures: 5,
  loginWindowSeconds: 15 * 60,
  bodyLimit: '16kb',
};

/** Everything createApp needs, passed explicitly (the composition root owns no globals). */
export interface AuthDeps {
  orm: Orm;
  logger: Logger;
  /** The first key signs; all are published in the JWKS (for rotation). */
  signingKeys: SigningKey[];
  settings?: Partial<AuthSettings>;
  clock?: () => Date;
}
