import type Koa from 'koa';
import Router from '@koa/router';
import { checkDatabase, requestEntityManager } from '@ledgerline/db-kit';
import { createBaseApp, healthRoutes } from '@ledgerline/http-kit';
import { localKeys, serveJwks, toJwks } from '@ledgerline/auth-tokens';
import { DEFAULT_AUTH_SETTINGS, type AuthDeps } from './deps.ts';
import { createPasswordHasher } from './passwords/password-hasher.ts';
import { LoginThrottle } from './sessions/login-throttle.ts';
import { sessionRoutes } from './sessions/session.routes.ts';
import { userRoutes } from './users/user.routes.ts';

/** The auth service's composition root: every collaborator is built here from explicit deps. */
export function createApp(deps: AuthDeps): Koa {
  if (!deps.signingKeys.length) throw new Error('createApp needs at least one signing key');
  const settings = { ...DEFAULT_AUTH_SETTINGS, ...deps.settings };
  const clock = deps.clock ?? (() => new Date());
  const jwks = toJwks(deps.signingKeys);
  const keys = localKeys(jwks);
  const hasher = createPasswordHasher(settings.scryptCost);
  const throttle = new LoginThrottle({ maxFailures: settings.loginMaxFailures, windowMs: settings.loginWindowSeconds * 1000, now: clock });
  const tokens = {
    signingKey: deps.signingKeys[0],
    accessTokenTtlSeconds: settings.accessTokenTtlSeconds,
    refreshTokenTtlSeconds: settings.refreshTokenTtlSeconds,
  };

  const app = createBaseApp({ logger: deps.logger, bodyLimit: settings.bodyLimit });
  app.use(healthRoutes({ database: () => checkDatabase(deps.orm) }));
  app.use(serveJwks(jwks));
  app.use(requestEntityManager(deps.orm));
  // One router holding every route, as in the gateway: a request is matched once.
  const api = new Router();
  for (const router of [userRoutes({ hasher, keys, clock }), sessionRoutes({ hasher, throttle, tokens, clock })]) api.use(router.routes());
  app.use(api.routes()).use(api.allowedMethods());
  return app;
}
