import Router from '@koa/router';
import { z } from 'zod';
import type { Em } from '@ledgerline/db-kit';
import { validate } from '@ledgerline/http-kit';
import type { PasswordHasher } from '../passwords/password-hasher.ts';
import type { TokenSettings } from './issue-tokens.ts';
import type { LoginThrottle } from './login-throttle.ts';
import { login } from './login.ts';
import { logout } from './logout.ts';
import { refreshTokens } from './refresh.ts';

const loginSchema = z.strictObject({ email: z.string().trim().min(1, 'Email is required.').max(254), password: z.string().min(1, 'Password is required.').max(1024) });
const refreshSchema = z.strictObject({ refreshToken: z.string().min(1).max(200) });

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
