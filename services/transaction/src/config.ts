import { resolve } from 'node:path';
import { databaseFromEnv, DEV_DATA_DIR } from '@ledgerline/db-kit';
import type { JWK } from 'jose';

/** The environment variable that sets this service's port (`npm start` names it when the port is taken). */
export const PORT_VARIABLE = 'TRANSACTION_PORT';

/**
 * Production/dev configuration from the environment. Only main.ts reads this; tests never import it
 * (a lint rule enforces that) and get their databases from @ledgerline/test-kit.
 */
export function readConfig(env: NodeJS.ProcessEnv = process.env) {
  const portfolioTimeoutMs = Number(env.PORTFOLIO_TIMEOUT_MS ?? 3000);
  return {
    port: Number(env[PORT_VARIABLE] ?? env.PORT ?? 4003),
    host: env.HOST ?? '127.0.0.1',
    /** A SQLite file (`TRANSACTION_DB_PATH`, ./data/transaction.sqlite by default) or a PostgreSQL URL (`TRANSACTION_DATABASE_URL`). */
    database: databaseFromEnv(env, 'transaction', resolve(DEV_DATA_DIR, 'transaction.sqlite')),
    portVariable: PORT_VARIABLE,
    logLevel: env.LOG_LEVEL ?? 'info',
    jwksUrl: env.AUTH_JWKS_URL ?? 'http://127.0.0.1:4001/.well-known/jwks.json',
    portfolioUrl: env.PORTFOLIO_URL ?? 'http://127.0.0.1:4002',
    portfolioTimeoutMs,
    /** The private JWK (with kid) of the key that signs on-behalf-of tokens; a fresh key per start when unset. */
    signingJwk: env.TRANSACTION_SIGNING_JWK ? (JSON.parse(env.TRANSACTION_SIGNING_JWK) as JWK) : undefined,
    settings: {
      reconcileIntervalMs: Number(env.TRANSACTION_RECONCILE_INTERVAL_MS ?? 5000),
      retryBackoffMs: Number(env.TRANSACTION_RETRY_BACKOFF_MS ?? 1000),
      retryMaxBackoffMs: Number(env.TRANSACTION_RETRY_MAX_BACKOFF_MS ?? 300_000),
      // A claim must outlast a trade's wait for the portfolio service: the call on its way, then its own (each at most
      // the timeout; see CoalescingPortfolioClient), with room to record the answer.
      claimLeaseMs: 2 * portfolioTimeoutMs + 1000,
    },
  };
}
