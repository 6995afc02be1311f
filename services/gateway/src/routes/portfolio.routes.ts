import Router from '@koa/router';
import type { Middleware } from 'koa';
import type { PortfolioApiClient } from '@ledgerline/portfolio-client';
import { callContext } from '../http/call-context.ts';

type Body = Record<string, unknown>;

/** /api/v1/portfolios/* and /api/v1/instruments/*: all need a verified token. */
export function portfolioRoutes(portfolio: PortfolioApiClient, authenticated: Middleware) {
  const router = new Router({ prefix: '/api/v1' });
  router.use(['/portfolios', '/instruments'], authenticated);
  // The list and the two reads of the portfolio page are passed on as the service sent them (not parsed and
  // re-serialised): their shape is the portfolio service's promise, proved by its provider verification.
  router.get('/portfolios', async (ctx) => {
    ctx.type = 'application/json';
    ctx.body = await portfolio.listRelayed(callContext(ctx));
  });
  router.post('/portfolios', async (ctx) => {
    ctx.status = 201;
    ctx.body = await portfolio.create(ctx.request.body as Body, callContext(ctx));
  });
  router.get('/portfolios/:id', async (ctx) => {
    ctx.body = await portfolio.get(ctx.params.id, callContext(ctx));
  });
  router.patch('/portfolios/:id', async (ctx) => {
    ctx.body = await portfolio.update(ctx.params.id, ctx.request.body as Body, callContext(ctx));
  });
  router.delete('/portfolios/:id', async (ctx) => {
    await portfolio.remove(ctx.params.id, ctx.query.force === 'true', callContext(ctx));
    ctx.status = 204;
  });
  router.get('/portfolios/:id/holdings', async (ctx) => {
    ctx.type = 'application/json';
    ctx.body = await portfolio.holdingsRelayed(ctx.params.id, callContext(ctx));
  });
  router.post('/portfolios/:id/holdings', async (ctx) => {
    ctx.status = 201;
    ctx.body = await portfolio.openPosition(ctx.params.id, ctx.request.body as Body, callContext(ctx));
  });
  router.get('/portfolios/:id/performance', async (ctx) => {
    ctx.type = 'application/json';
    ctx.body = await portfolio.performanceRelayed(ctx.params.id, callContext(ctx));
  });
  router.get('/instruments', async (ctx) => {
    const { q, assetClass } = ctx.query;
    ctx.body = await portfolio.instruments({ q: typeof q === 'string' ? q : undefined, assetClass: typeof assetClass === 'string' ? assetClass : undefined }, callContext(ctx));
  });
  router.get('/instruments/:symbol', async (ctx) => {
    ctx.body = await portfolio.instrument(ctx.params.symbol, callContext(ctx));
  });
  router.put('/instruments/:symbol/price', async (ctx) => {
    ctx.body = await portfolio.updatePrice(ctx.params.symbol, ctx.request.body as Body, callContext(ctx));
  });
  return router;
}
