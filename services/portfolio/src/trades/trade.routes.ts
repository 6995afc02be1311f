import Router from '@koa/router';
import type { Context } from 'koa';
import type { Em } from '@ledgerline/db-kit';
import { AppError, problemBody, problemFieldsOf, unauthorized, validate, validationFailed } from '@ledgerline/http-kit';
import { applyTradeBatchRequest, type ApplyTradeBatchResult } from '@ledgerline/api-schemas/internal';
import { onBehalfOf } from '../http/identity.ts';
import type { RouteDeps } from '../http/route-deps.ts';
import { appliedTradeStatus } from './applied-trade-status.ts';
import { applyTradeToPortfolio } from './apply-trade-to-portfolio.ts';
import { applyTradeSchema, tradePortfolioParam, tradeTransactionParam, tradeShapeErrors, type ApplyTradeInput } from './trade.schemas.ts';
import type { ApplyTradeResult } from './trade.view.ts';

/** An apply's body as both routes check it: its schema, then the fields its type needs and accepts. */
function checkedTrade(body: unknown): ApplyTradeInput {
  const input = validate(applyTradeSchema, body);
  const shapeErrors = tradeShapeErrors(input);
  if (shapeErrors.length) throw validationFailed(shapeErrors, `Some fields do not fit a ${input.type}.`);
  return input;
}

/**
 * The internal API for the transaction service (not routed by the gateway). Every route accepts only the
 * transaction service's on-behalf-of token for a user (never a user's access token), and acts for that user only:
 * - POST /internal/portfolios/:portfolioId/trades — apply; 200 with the result, also for a replayed transaction id.
 * - POST /internal/trade-batches — several applies in one call (see below); 200 with one answer per trade.
 * - GET /internal/trades/:transactionId — the stored result of an applied id, or 404 trade_not_applied.
 */
export function tradeRoutes(deps: RouteDeps) {
  const router = new Router({ prefix: '/internal' });
  router.use(deps.internalCaller);
  router.post('/portfolios/:portfolioId/trades', async (ctx) => {
    const { portfolioId } = validate(tradePortfolioParam, ctx.params);
    const input = checkedTrade(ctx.request.body);
    ctx.body = await applyTradeToPortfolio(ctx.state.em as Em, { ownerId: onBehalfOf(ctx).userId, portfolioId, now: deps.clock() }, input);
  });
  /**
   * Each trade is handled as the single apply handles it, in the order sent: its own token (the `onBehalfOf` field,
   * checked like the Authorization header; the trade is applied for that token's user only), its own validation and
   * its own database transaction. One refused trade is answered with its problem and changes nothing; the others
   * are applied. The Authorization header still has to be one of the transaction service's tokens.
   */
  router.post('/trade-batches', async (ctx) => {
    const { trades } = validate(applyTradeBatchRequest, ctx.request.body);
    const now = deps.clock();
    const results: ApplyTradeBatchResult['results'] = [];
    for (const trade of trades) {
      try {
        results.push({ status: 200, result: await applyBatchItem(ctx, deps, trade, now) });
      } catch (error) {
        // Anything but a refusal (the database failing, a bug) fails the whole batch: the caller treats every trade
        // as unanswered and asks again later, and the apply is idempotent by transaction id.
        if (!(error instanceof AppError) || error.status >= 500) throw error;
        results.push({ status: error.status, problem: problemBody(ctx, problemFieldsOf(error)) });
      }
    }
    ctx.body = { results };
  });
  router.get('/trades/:transactionId', async (ctx) => {
    const { transactionId } = validate(tradeTransactionParam, ctx.params);
    ctx.body = await appliedTradeStatus(ctx.state.em as Em, onBehalfOf(ctx).userId, transactionId);
  });
  return router;
}

/** One trade of a batch: its token first (401 as on the single route), then its fields, then the apply. */
async function applyBatchItem(ctx: Context, deps: RouteDeps, trade: Record<string, unknown>, now: Date): Promise<ApplyTradeResult> {
  if (typeof trade.onBehalfOf !== 'string' || !trade.onBehalfOf) throw unauthorized('Each trade needs the service token for its user (onBehalfOf).');
  const caller = await deps.internalTokens(trade.onBehalfOf, now);
  // The item is an apply's body plus its portfolio id and token (applyTradeBatchItem), checked in those two parts.
  const { onBehalfOf: _token, portfolioId, ...body } = trade;
  const target = validate(tradePortfolioParam, { portfolioId });
  const input = checkedTrade(body);
  return applyTradeToPortfolio((ctx.state.em as Em).fork(), { ownerId: caller.userId, portfolioId: target.portfolioId, now }, input);
}
