import type Koa from 'koa';
import { checkDatabase, requestEntityManager } from '@ledgerline/db-kit';
import { createBaseApp, healthRoutes } from '@ledgerline/http-kit';
import { serveJwks, toJwks } from '@ledgerline/auth-tokens';
import { DEFAULT_TRANSACTION_SETTINGS, type TransactionDeps } from './deps.ts';
import { createReconciler, type Reconciler } from './reconcile/reconciler.ts';
import { pendingCheck } from './reconcile/pending-check.ts';
import { serviceTokens } from './service-identity/on-behalf-of.ts';
import type { SendDeps } from './transactions/send-to-portfolio.ts';
import { transactionRoutes } from './transactions/transaction.routes.ts';

/** The transaction service's app, with its reconciler (main.ts starts and stops it; tests run it by hand). */
export type TransactionApp = Koa & { reconciler: Reconciler };

/** The transaction service's composition root: every collaborator is built here from explicit deps. */
export function createApp(deps: TransactionDeps): TransactionApp {
  const settings = { ...DEFAULT_TRANSACTION_SETTINGS, ...deps.settings };
  const clock = deps.clock ?? (() => new Date());
  const send: SendDeps = {
    portfolio: deps.portfolio,
    tokens: serviceTokens(deps.signingKey, clock, settings.serviceTokenTtlSeconds),
    clock,
    retry: { backoffMs: settings.retryBackoffMs, maxBackoffMs: settings.retryMaxBackoffMs, leaseMs: settings.claimLeaseMs },
  };
  const reconciler = createReconciler({
    ...send,
    orm: deps.orm,
    logger: deps.logger,
    settings: { intervalMs: settings.reconcileIntervalMs, batchSize: settings.reconcileBatchSize },
  });

  const app = createBaseApp({ logger: deps.logger, bodyLimit: settings.bodyLimit });
  app.use(healthRoutes({ database: () => checkDatabase(deps.orm), pendingTransactions: pendingCheck(deps.orm, clock) }));
  app.use(serveJwks(toJwks([deps.signingKey])));
  app.use(requestEntityManager(deps.orm));
  const router = transactionRoutes({ keys: deps.keys, send, clock, maxClockSkewMs: settings.maxClockSkewMs });
  app.use(router.routes());
  app.use(router.allowedMethods());
  return Object.assign(app, { reconciler });
}
