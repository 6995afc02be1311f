import Router from '@koa/router';
import type { Em } from '@ledgerline/db-kit';
import { validate } from '@ledgerline/http-kit';
import { identityOf } from '../http/identity.ts';
import type { RouteDeps } from '../http/route-deps.ts';
import { portfolioRepository } from '../portfolios/portfolio.repository.ts';
import { portfolioIdParam } from '../portfolios/portfolio.schemas.ts';
import { portfolioPerformance } from './portfolio-performance.ts';

/** GET /portfolios/:id/performance: market value, cost basis, P/L, cash and allocation. */
export function performanceRoutes(deps: RouteDeps) {
  const router = new Router();
  router.get('/portfolios/:id/performance', deps.authenticated, async (ctx) => {
    const { id } = validate(portfolioIdParam, ctx.params);
    const em = ctx.state.em as Em;
    ctx.body = await portfolioPerformance(em, await portfolioRepository(em).findOwnedFigures(id, identityOf(ctx).userId));
  });
  return router;
}
