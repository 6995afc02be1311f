import type { Context } from 'koa';
import type { Identity } from '@ledgerline/auth-tokens';

/** The verified caller (set by requireIdentity); routes never read identity from anywhere else. */
export function identityOf(ctx: Context): Identity {
  const identity = ctx.state.identity as Identity | undefined;
  if (!identity) throw new Error('identityOf used on a route without requireIdentity');
  return identity;
}
