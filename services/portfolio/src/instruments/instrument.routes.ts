import Router from '@koa/router';
import type { Em } from '@ledgerline/db-kit';
import { validate } from '@ledgerline/http-kit';
import { requireAdminRole } from '@ledgerline/auth-tokens';
import type { RouteDeps } from '../http/route-deps.ts';
import { instrumentRepository } from './instrument.repository.ts';
import { searchInstrumentsQuery, symbolParam, updatePriceSchema } from './instrument.schemas.ts';
import { toInstrumentView } from './instrument.view.ts';
import { updatePrice } from './update-price.ts';

/** The instrument universe (any signed-in user) and price updates (admin only). */
export function instrumentRoutes(deps: RouteDeps) {
  const router = new Router({ prefix: '/instruments' });

  router.get('/', deps.authenticated, async (ctx) => {
    const query = validate(searchInstrumentsQuery, ctx.query);
    const rows = await instrumentRepository(ctx.state.em as Em).search({ q: query.q || undefined, assetClass: query.assetClass });
    ctx.body = { items: rows.map(toInstrumentView) };
  });

  router.get('/:symbol', deps.authenticated, async (ctx) => {
    const { symbol } = validate(symbolParam, ctx.params);
    ctx.body = toInstrumentView(await instrumentRepository(ctx.state.em as Em).getBySymbol(symbol));
  });

  router.put('/:symbol/price', deps.authenticated, requireAdminRole, async (ctx) => {
    const { symbol } = validate(symbolParam, ctx.params);
    const em = ctx.state.em as Em;
    const instrument = await instrumentRepository(em).getBySymbol(symbol);
    const { price } = validate(updatePriceSchema, ctx.request.body);
    ctx.body = toInstrumentView(await updatePrice(em, instrument, price, deps.clock()));
  });

  return router;
}
