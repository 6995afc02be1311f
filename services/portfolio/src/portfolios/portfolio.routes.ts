import Router from '@koa/router';
import type { Em } from '@ledgerline/db-kit';
import { validate } from '@ledgerline/http-kit';
import { identityOf } from '../http/identity.ts';
import type { RouteDeps } from '../http/route-deps.ts';
import { createPortfolio } from './create-portfolio.ts';
import { decodeCursor, encodeCursor } from './cursor.ts';
import { deletePortfolio } from './delete-portfolio.ts';
import { portfolioRepository } from './portfolio.repository.ts';
import { createPortfolioSchema, deletePortfolioQuery, listPortfoliosQuery, portfolioIdParam, updatePortfolioSchema } from './portfolio.schemas.ts';
import { toPortfolioView } from './portfolio.view.ts';
import { updatePortfolio } from './update-portfolio.ts';

/** CRUD on the caller's own portfolios; someone else's portfolio is a 404 on every verb. */
export function portfolioRoutes(deps: RouteDeps) {
  const router = new Router({ prefix: '/portfolios' });

  router.get('/', deps.authenticated, async (ctx) => {
    const query = validate(listPortfoliosQuery, ctx.query);
    const page = await portfolioRepository(ctx.state.em as Em).listOwned(
      identityOf(ctx).userId,
      query.limit,
      query.cursor ? decodeCursor(query.cursor) : undefined,
    );
    ctx.body = { items: page.items.map(toPortfolioView), nextCursor: page.after ? encodeCursor(page.after) : null };
  });

  router.post('/', deps.authenticated, async (ctx) => {
    const input = validate(createPortfolioSchema, ctx.request.body);
    const portfolio = await createPortfolio(ctx.state.em as Em, identityOf(ctx).userId, input, deps.clock());
    ctx.status = 201;
    ctx.set('location', `/portfolios/${portfolio.id}`);
    ctx.body = toPortfolioView(portfolio);
  });

  router.get('/:id', deps.authenticated, async (ctx) => {
    const { id } = validate(portfolioIdParam, ctx.params);
    ctx.body = toPortfolioView(await portfolioRepository(ctx.state.em as Em).findOwned(id, identityOf(ctx).userId));
  });

  router.patch('/:id', deps.authenticated, async (ctx) => {
    const { id } = validate(portfolioIdParam, ctx.params);
    const em = ctx.state.em as Em;
    const portfolio = await portfolioRepository(em).findOwned(id, identityOf(ctx).userId);
    const input = validate(updatePortfolioSchema, ctx.request.body);
    ctx.body = toPortfolioView(await updatePortfolio(em, portfolio, input, deps.clock()));
  });

  router.delete('/:id', deps.authenticated, async (ctx) => {
    const { id } = validate(portfolioIdParam, ctx.params);
    const { force } = validate(deletePortfolioQuery, ctx.query);
    const em = ctx.state.em as Em;
    const portfolio = await portfolioRepository(em).findOwned(id, identityOf(ctx).userId);
    await deletePortfolio(em, portfolio, force === 'true');
    ctx.status = 204;
  });

  return router;
}
