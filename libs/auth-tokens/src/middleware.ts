import type { Context, Next } from 'koa';
import { bearerToken, verifyAccessToken, type KeyResolver } from './verify.ts';
import { forbidden } from '@ledgerline/http-kit';

/**
 * Koa middleware for services other than auth: verifies the bearer token locally and puts the
 * caller's identity on `ctx.state.identity`. The identity comes only from a verified token.
 */
export function requireIdentity(keys: KeyResolver, clock: () => Date = () => new Date()) {
  return async function authenticate(ctx: Context, next: Next): Promise<void> {
    ctx.state.identity = await verifyAccessToken(bearerToken(ctx.get('authorization')), keys, clock);
    await next();
  };
}

export async function requireAdminRole(ctx: Context, next: Next): Promise<void> {
  if (ctx.state.identity?.role !== 'admin') throw forbidden('This action needs the admin role.', 'admin_only');
  await next();
}
