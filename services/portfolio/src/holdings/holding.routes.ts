import Router from '@koa/router';
import type { Em } from '@ledgerline/db-kit';
import { validate } from '@ledgerline/http-kit';
import { identityOf } from '../http/identity.ts';
import type { RouteDeps } from '../http/route-deps.ts';
import { portfolioRepository } from '../portfolios/portfolio.repository.ts';
import { portfolioIdParam } from '../portfolios/portfolio.schemas.ts';
import { openPositionSchema } from './holding.schemas.ts';
import { toHoldingView } from './holding.view.ts';
import { openPosition } from './open-position.ts';
import { valueHoldings, valuePortfolioHoldings } from './valued-holdings.ts';

/** A portfolio's open positions (valued at last prices) and direct entry of an opening position. */
export function holdingRoutes(deps: RouteDeps) {
  const router = new Router({ prefix: '/portfolios/:id/holdings' });

  router.get('/', deps.authenticated, async (ctx) => {
    const { id } = validate(portfolioIdParam, ctx.params);
    const em = ctx.state.em as Em;
    const portfolio = await portfolioRepository(em).findOwnedFigures(id, identityOf(ctx).userId);
    const valued = await valuePortfolioHoldings(em, portfolio.id);
    ctx.body = { items: valued.filter((row) => row.quantity.units > 0n).map(toHoldingView) };
  });

  router.post('/', deps.authenticated, async (ctx) => {
    const { id } = validate(portfolioIdParam, ctx.params);
    const em = ctx.state.em as Em;
    const portfolio = await portfolioRepository(em).findOwned(id, identityOf(ctx).userId);
    const input = validate(openPositionSchema, ctx.request.body);
    const holding = await openPosition(em, portfolio, input, deps.clock());
    const [valued] = await valueHoldings(em, [holding]);
    ctx.status = 201;
    ctx.body = toHoldingView(valued);
  });

  return router;
}
