import type { Middleware } from 'koa';

/** What every router of this service receives from the composition root. */
export interface RouteDeps {
  /** Verifies the bearer token and sets ctx.state.identity. */
  authenticated: Middleware;
  /** Verifies the transaction service's on-behalf-of token and sets ctx.state.onBehalfOf (internal API only). */
  internalCaller: Middleware;
  clock: () => Date;
}
