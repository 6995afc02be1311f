import { openOrm, redactUrl } from '@ledgerline/db-kit';
import { announceListening, createLogger, installGracefulShutdown, listenOrExit } from '@ledgerline/http-kit';
import { generateSigningKey, importSigningKey, remoteKeys } from '@ledgerline/auth-tokens';
import { CoalescingPortfolioClient, HttpPortfolioClient } from '@ledgerline/portfolio-client';
import { createApp } from './app.ts';
import { readConfig } from './config.ts';
import { transactionEntities } from './entities.ts';
import { migrations } from '../migrations/index.ts';

const config = readConfig();
const logger = createLogger({ name: 'transaction', level: config.logLevel });
const orm = await openOrm({ dbName: config.database, entities: transactionEntities, migrations, logger });
const signingKey = config.signingJwk ? await importSigningKey(config.signingJwk) : await generateSigningKey();
// Trades that arrive while a call to the portfolio service is on its way go together in the next one.
const portfolio = new CoalescingPortfolioClient(new HttpPortfolioClient({ baseUrl: config.portfolioUrl, timeoutMs: config.portfolioTimeoutMs }));
const app = createApp({
  orm,
  logger,
  keys: remoteKeys(config.jwksUrl),
  signingKey,
  portfolio,
  settings: config.settings,
});
const server = await listenOrExit(app, logger, config, [() => orm.close()]);
announceListening(logger, server, { db: redactUrl(config.database), portfolio: config.portfolioUrl, reconcileIntervalMs: config.settings.reconcileIntervalMs });
// Pending transactions left by an outage or a crash are picked up now, then every reconcile interval.
app.reconciler.start();
installGracefulShutdown(server, logger, [() => app.reconciler.stop(), () => portfolio.close(), () => orm.close()]);
