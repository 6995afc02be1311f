import { existsSync } from 'node:fs';
import { announceListening, createLogger, installGracefulShutdown, listenOrExit } from '@ledgerline/http-kit';
import { remoteKeys } from '@ledgerline/auth-tokens';
import { AuthClient } from '@ledgerline/auth-client';
import { PortfolioApiClient } from '@ledgerline/portfolio-client';
import { TransactionClient } from '@ledgerline/transaction-client';
import { createApp } from './app.ts';
import { readConfig } from './config.ts';

const config = readConfig();
const logger = createLogger({ name: 'gateway', level: config.logLevel });
const timeoutMs = config.upstreamTimeoutMs;
const webRoot = existsSync(config.webRoot) ? config.webRoot : undefined;
if (!webRoot) logger.warn({ webRoot: config.webRoot }, 'web UI not built (npx nx build web); serving the API only');
const app = createApp({
  logger,
  keys: remoteKeys(config.jwksUrl),
  clients: {
    auth: new AuthClient({ baseUrl: config.authUrl, timeoutMs }),
    portfolio: new PortfolioApiClient({ baseUrl: config.portfolioUrl, timeoutMs }),
    transaction: new TransactionClient({ baseUrl: config.transactionUrl, timeoutMs }),
  },
  webRoot,
  settings: {
    loginRateLimit: { max: config.loginPerMinute, windowMs: 60_000 },
    registerRateLimit: { max: config.registerPerMinute, windowMs: 60_000 },
  },
});
const server = await listenOrExit(app, logger, config);
// "Ledgerline is up" is npm start's line, printed once every service is ready (GET /health/services).
announceListening(logger, server, { web: Boolean(webRoot) });
installGracefulShutdown(server, logger, []);
