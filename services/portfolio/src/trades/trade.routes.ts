import Router from '@koa/router';
import type { Em } from '@ledgerline/db-kit';
import { validate, validationFailed } from '@ledgerline/http-kit';
import { identityOf } from '../http/identity.ts';
import type { RouteDeps } from '../http/route-deps.ts';
import { applyTradeToPortfolio } from './apply-trade-to-portfolio.ts';
import { applyTradeSchema, tradePortfolioParam, tradeShapeErrors } from './trade.schemas.ts';

/**
 * POST /internal/portfolios/:portfolioId/trades — called by the transaction service with the end user's
 * access token (not routed by the gateway). 200 with the result, also for a replayed transaction id.
 */
export function tradeRoutes(deps: RouteDeps) {
  const router = new Router({ prefix: '/internal' });
  router.post('/portfolios/:portfolioId/trades', deps.authenticated, async (ctx) => {
    const { portfolioId } = validate(tradePortfolioParam, ctx.params);
    const input = validate(applyTradeSchema, ctx.request.body);
    const shapeErrors = tradeShapeErrors(input);
    if (shapeErrors.length) throw validationFailed(shapeErrors, `Some fields do not fit a ${input.type}.`);
    ctx.body = await applyTradeToPortfolio(ctx.state.em as Em, { ownerId: identityOf(ctx).userId, portfolioId, now: deps.clock() }, input);
  });
  return router;
}
