import type Koa from 'koa';
import Router from '@koa/router';
import { checkDatabase, requestEntityManager } from '@ledgerline/db-kit';
import { createBaseApp, healthRoutes } from '@ledgerline/http-kit';
import { onBehalfOfVerifier, requireIdentity, requireOnBehalfOf, TRANSACTION_TO_PORTFOLIO } from '@ledgerline/auth-tokens';
import { DEFAULT_PORTFOLIO_SETTINGS, type PortfolioDeps } from './deps.ts';
import type { RouteDeps } from './http/route-deps.ts';
import { holdingRoutes } from './holdings/holding.routes.ts';
import { instrumentRoutes } from './instruments/instrument.routes.ts';
import { performanceRoutes } from './performance/performance.routes.ts';
import { portfolioRoutes } from './portfolios/portfolio.routes.ts';
import { tradeRoutes } from './trades/trade.routes.ts';

/** The portfolio service's composition root: every collaborator is built here from explicit deps. */
export function createApp(deps: PortfolioDeps): Koa {
  const settings = { ...DEFAULT_PORTFOLIO_SETTINGS, ...deps.settings };
  const clock = deps.clock ?? (() => new Date());
  // One check (and one cache) of the transaction service's tokens: for the internal API's header and each trade of a batch.
  const internalTokens = onBehalfOfVerifier(deps.internalKeys, TRANSACTION_TO_PORTFOLIO);
  const routeDeps: RouteDeps = {
    authenticated: requireIdentity(deps.keys, clock),
    internalCaller: requireOnBehalfOf(internalTokens, clock),
    internalTokens,
    clock,
  };

  const app = createBaseApp({ logger: deps.logger, bodyLimit: settings.bodyLimit });
  app.use(healthRoutes({ database: () => checkDatabase(deps.orm) }));
  app.use(requestEntityManager(deps.orm));
  // One router holding every route, as in the gateway: a request is matched once, not by five routers in turn.
  const api = new Router();
  for (const router of [portfolioRoutes(routeDeps), holdingRoutes(routeDeps), performanceRoutes(routeDeps), instrumentRoutes(routeDeps), tradeRoutes(routeDeps)]) {
    api.use(router.routes());
  }
  app.use(api.routes()).use(api.allowedMethods());
  return app;
}
