import Router from '@koa/router';
import type { Em } from '@ledgerline/db-kit';
import { validate, validationFailed } from '@ledgerline/http-kit';
import { onBehalfOf } from '../http/identity.ts';
import type { RouteDeps } from '../http/route-deps.ts';
import { appliedTradeStatus } from './applied-trade-status.ts';
import { applyTradeToPortfolio } from './apply-trade-to-portfolio.ts';
import { applyTradeSchema, tradePortfolioParam, tradeTransactionParam, tradeShapeErrors } from './trade.schemas.ts';

/**
 * The internal API for the transaction service (not routed by the gateway). Every route accepts only the
 * transaction service's on-behalf-of token for a user (never a user's access token), and acts for that user only:
 * - POST /internal/portfolios/:portfolioId/trades — apply; 200 with the result, also for a replayed transaction id.
 * - GET /internal/trades/:transactionId — the stored result of an applied id, or 404 trade_not_applied.
 */
export function tradeRoutes(deps: RouteDeps) {
  const router = new Router({ prefix: '/internal' });
  router.use(deps.internalCaller);
  router.post('/portfolios/:portfolioId/trades', async (ctx) => {
    const { portfolioId } = validate(tradePortfolioParam, ctx.params);
    const input = validate(applyTradeSchema, ctx.request.body);
    const shapeErrors = tradeShapeErrors(input);
    if (shapeErrors.length) throw validationFailed(shapeErrors, `Some fields do not fit a ${input.type}.`);
    ctx.body = await applyTradeToPortfolio(ctx.state.em as Em, { ownerId: onBehalfOf(ctx).userId, portfolioId, now: deps.clock() }, input);
  });
  router.get('/trades/:transactionId', async (ctx) => {
    const { transactionId } = validate(tradeTransactionParam, ctx.params);
    ctx.body = await appliedTradeStatus(ctx.state.em as Em, onBehalfOf(ctx).userId, transactionId);
  });
  return router;
}
