import type { Context } from 'koa';
import type { Identity, OnBehalfOf } from '@ledgerline/auth-tokens';

/** The verified caller (set by requireIdentity); routes never read identity from anywhere else. */
export function identityOf(ctx: Context): Identity {
  const identity = ctx.state.identity as Identity | undefined;
  if (!identity) throw new Error('identityOf used on a route without requireIdentity');
  return identity;
}

/** The user an internal call is made for (set by requireOnBehalfOf from the transaction service's token). */
export function onBehalfOf(ctx: Context): OnBehalfOf {
  const caller = ctx.state.onBehalfOf as OnBehalfOf | undefined;
  if (!caller) throw new Error('onBehalfOf used on a route without requireOnBehalfOf');
  return caller;
}
