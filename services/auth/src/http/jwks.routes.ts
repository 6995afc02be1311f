import Router from '@koa/router';
import type { JsonWebKeySet } from '@ledgerline/auth-tokens';

/** Public keys for local token verification by every other service. */
export function jwksRoutes(jwks: JsonWebKeySet) {
  const router = new Router();
  router.get('/.well-known/jwks.json', (ctx) => {
    ctx.set('cache-control', 'public, max-age=300');
    ctx.body = jwks;
  });
  return router;
}
