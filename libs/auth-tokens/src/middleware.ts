import type { Context, Next } from 'koa';
import { bearerToken, verifyAccessToken, type KeyResolver } from './verify.ts';
import { forbidden } from '@ledgerline/http-kit';
import { createVerifiedTokenCache, type VerifiedTokenCache } from './verified-cache.ts';

/**
 * Koa middleware for services other than auth: verifies the bearer token locally and puts the
 * caller's identity on `ctx.state.identity`. The identity comes only from a verified token.
 * Tokens already verified by this middleware are answered from its own cache (see createVerifiedTokenCache);
 * pass `cache: null` to check the signature on every request.
 */
export function requireIdentity(keys: KeyResolver, clock: () => Date = () => new Date(), cache: VerifiedTokenCache | null = createVerifiedTokenCache()) {
  return async function authenticate(ctx: Context, next: Next): Promise<void> {
    const token = bearerToken(ctx.get('authorization'));
    const now = clock();
    let identity = cache?.lookup(token, now);
    if (!identity) {
      identity = await verifyAccessToken(token, keys, () => now);
      cache?.remember(token, identity, now);
    }
    ctx.state.identity = identity;
    await next();
  };
}

export async function requireAdminRole(ctx: Context, next: Next): Promise<void> {
  if (ctx.state.identity?.role !== 'admin') throw forbidden('This action needs the admin role.', 'admin_only');
  await next();
}
