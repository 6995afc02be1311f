import type { Context } from 'koa';
import type { CallContext } from '@ledgerline/service-client';

/**
 * What the gateway forwards upstream: the request id it created (or accepted) and the caller's verified
 * bearer token. Nothing else from the client's headers travels on, so identity cannot be forged.
 */
export function callContext(ctx: Context): CallContext {
  const match = /^Bearer (\S+)$/.exec(ctx.get('authorization'));
  return { requestId: ctx.state.requestId as string, accessToken: ctx.state.identity && match ? match[1] : undefined };
}
