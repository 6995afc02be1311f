import type Koa from 'koa';
import { checkDatabase, requestEntityManager } from '@ledgerline/db-kit';
import { createBaseApp, healthRoutes } from '@ledgerline/http-kit';
import { DEFAULT_TRANSACTION_SETTINGS, type TransactionDeps } from './deps.ts';
import { transactionRoutes } from './transactions/transaction.routes.ts';

/** The transaction service's composition root: every collaborator is built here from explicit deps. */
export function createApp(deps: TransactionDeps): Koa {
  const settings = { ...DEFAULT_TRANSACTION_SETTINGS, ...deps.settings };
  const clock = deps.clock ?? (() => new Date());

  const app = createBaseApp({ logger: deps.logger, bodyLimit: settings.bodyLimit });
  app.use(healthRoutes({ database: () => checkDatabase(deps.orm) }));
  app.use(requestEntityManager(deps.orm));
  const router = transactionRoutes({ keys: deps.keys, portfolio: deps.portfolio, clock, maxClockSkewMs: settings.maxClockSkewMs });
  app.use(router.routes());
  app.use(router.allowedMethods());
  return app;
}
