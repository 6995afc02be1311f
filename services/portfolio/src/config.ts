import { resolve } from 'node:path';
import type { JsonWebKeySet } from '@ledgerline/auth-tokens';
import { databaseFromEnv, DEV_DATA_DIR } from '@ledgerline/db-kit';

/** The environment variable that sets this service's port (`npm start` names it when the port is taken). */
export const PORT_VARIABLE = 'PORTFOLIO_PORT';

/**
 * Production/dev configuration from the environment. Only main.ts reads this; tests never import it
 * (a lint rule enforces that) and get their databases from @ledgerline/test-kit.
 */
export function readConfig(env: NodeJS.ProcessEnv = process.env) {
  return {
    port: Number(env[PORT_VARIABLE] ?? env.PORT ?? 4002),
    host: env.HOST ?? '127.0.0.1',
    /** A SQLite file (`PORTFOLIO_DB_PATH`, ./data/portfolio.sqlite by default) or a PostgreSQL URL (`PORTFOLIO_DATABASE_URL`). */
    database: databaseFromEnv(env, 'portfolio', resolve(DEV_DATA_DIR, 'portfolio.sqlite')),
    portVariable: PORT_VARIABLE,
    logLevel: env.LOG_LEVEL ?? 'info',
    authJwksUrl: env.AUTH_JWKS_URL ?? 'http://127.0.0.1:4001/.well-known/jwks.json',
    /** Where the transaction service publishes the keys of its on-behalf-of tokens (the only tokens /internal/* accepts). */
    transactionJwksUrl: env.TRANSACTION_JWKS_URL ?? 'http://127.0.0.1:4003/.well-known/jwks.json',
    /** Or those public keys given directly (a JWKS as JSON), for deployments that provision them; wins over the URL. */
    transactionJwks: env.TRANSACTION_JWKS ? (JSON.parse(env.TRANSACTION_JWKS) as JsonWebKeySet) : undefined,
  };
}
