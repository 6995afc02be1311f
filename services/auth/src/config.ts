import { resolve } from 'node:path';
import { databaseFromEnv, DEV_DATA_DIR } from '@ledgerline/db-kit';
import type { JWK } from 'jose';
import { DEFAULT_AUTH_SETTINGS } from './deps.ts';
import { scryptCostFromEnv } from './passwords/password-hasher.ts';

/** The environment variable that sets this service's port (`npm start` names it when the port is taken). */
export const PORT_VARIABLE = 'AUTH_PORT';

/**
 * Production/dev configuration from the environment. Only main.ts reads this; tests never import it
 * (a lint rule enforces that) and get their databases from @ledgerline/test-kit.
 */
export function readConfig(env: NodeJS.ProcessEnv = process.env) {
  return {
    port: Number(env[PORT_VARIABLE] ?? env.PORT ?? 4001),
    host: env.HOST ?? '127.0.0.1',
    /** A SQLite file (`AUTH_DB_PATH`, ./data/auth.sqlite by default) or a PostgreSQL URL (`AUTH_DATABASE_URL`). */
    database: databaseFromEnv(env, 'auth', resolve(DEV_DATA_DIR, 'auth.sqlite')),
    portVariable: PORT_VARIABLE,
    logLevel: env.LOG_LEVEL ?? 'info',
    signingJwk: env.AUTH_SIGNING_JWK ? (JSON.parse(env.AUTH_SIGNING_JWK) as JWK) : undefined,
    accessTokenTtlSeconds: Number(env.AUTH_ACCESS_TOKEN_TTL ?? DEFAULT_AUTH_SETTINGS.accessTokenTtlSeconds),
    /** scrypt cost of new password hashes: the production default unless `AUTH_SCRYPT_N` is set (test systems). */
    scryptCost: scryptCostFromEnv(env.AUTH_SCRYPT_N),
    admin: {
      email: env.AUTH_ADMIN_EMAIL ?? 'admin@ledgerline.local',
      password: env.AUTH_ADMIN_PASSWORD ?? 'Ledger-Keeper-2026!',
      fullName: 'Ledgerline Admin',
    },
  };
}
