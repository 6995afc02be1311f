import { resolve } from 'node:path';
import { DEV_DATA_DIR } from '@ledgerline/db-kit';

/**
 * Production/dev configuration from the environment. Only main.ts reads this; tests never import it
 * (a lint rule enforces that) and get their databases from @ledgerline/test-kit.
 */
export function readConfig(env: NodeJS.ProcessEnv = process.env) {
  return {
    port: Number(env.PORTFOLIO_PORT ?? env.PORT ?? 4002),
    host: env.HOST ?? '127.0.0.1',
    dbPath: resolve(env.PORTFOLIO_DB_PATH ?? resolve(DEV_DATA_DIR, 'portfolio.sqlite')),
    logLevel: env.LOG_LEVEL ?? 'info',
    authJwksUrl: env.AUTH_JWKS_URL ?? 'http://127.0.0.1:4001/.well-known/jwks.json',
  };
}
