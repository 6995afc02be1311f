import Router from '@koa/router';
import { loginRequest as loginSchema, refreshRequest as refreshSchema } from '@ledgerline/api-schemas';
import type { Em } from '@ledgerline/db-kit';
import { validate } from '@ledgerline/http-kit';
import type { PasswordHasher } from '../passwords/password-hasher.ts';
import type { TokenSettings } from './issue-tokens.ts';
import type { LoginThrottle } from './login-throttle.ts';
import { login } from './login.ts';
import { logout } from './logout.ts';
import { refreshTokens } from './refresh.ts';


export function sessionRoutes(deps: { hasher: PasswordHasher; throttle: LoginThrottle; tokens: TokenSettings; clock: () => Date }) {
  const router = new Router({ prefix: '/auth' });
  router.post('/login', async (ctx) => {
    const input = validate(loginSchema, ctx.request.body);
    ctx.body = await login(ctx.state.em as Em, { ...deps, now: deps.clock() }, input);
    ctx.set('cache-control', 'no-store');
  });
  router.post('/refresh', async (ctx) => {
    const { refreshToken } = validate(refreshSchema, ctx.request.body);
    ctx.body = await refreshTokens(ctx.state.em as Em, refreshToken, deps.tokens, deps.clock());
    ctx.set('cache-control', 'no-store');
  });
  router.post('/logout', async (ctx) => {
    const { refreshToken } = validate(refreshSchema, ctx.request.body);
    await logout(ctx.state.em as Em, refreshToken, deps.clock());
    ctx.status = 204;
  });
  return router;
}
