import type { Middleware } from 'koa';
import type { OnBehalfOfVerifier } from '@ledgerline/auth-tokens';

/** What every router of this service receives from the composition root. */
export interface RouteDeps {
  /** Verifies the bearer token and sets ctx.state.identity. */
  authenticated: Middleware;
  /** Verifies the transaction service's on-behalf-of token and sets ctx.state.onBehalfOf (internal API only). */
  internalCaller: Middleware;
  /** The same check for one token (each trade of a batch carries its user's). */
  internalTokens: OnBehalfOfVerifier;
  clock: () => Date;
}
