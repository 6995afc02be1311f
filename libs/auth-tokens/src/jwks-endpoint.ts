import type { Context, Next } from 'koa';
import type { JsonWebKeySet } from './keys.ts';

export const JWKS_PATH = '/.well-known/jwks.json';

/** Koa middleware serving `GET /.well-known/jwks.json`: the public keys others verify this service's tokens with. */
export function serveJwks(jwks: JsonWebKeySet) {
  return async function jwksEndpoint(ctx: Context, next: Next): Promise<void> {
    if (ctx.path !== JWKS_PATH || (ctx.method !== 'GET' && ctx.method !== 'HEAD')) return next();
    ctx.set('cache-control', 'public, max-age=300');
    ctx.body = jwks;
  };
}
