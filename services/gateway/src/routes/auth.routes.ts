import Router from '@koa/router';
import type { Middleware } from 'koa';
import type { AuthClient, RegisterRequest } from '@ledgerline/auth-client';
import { callContext } from '../http/call-context.ts';

type Body = Record<string, unknown>;

/** /api/v1/auth/*: public sign-up/sign-in routes (rate limited) and the caller's own profile. */
export function authRoutes(auth: AuthClient, guards: { authenticated: Middleware; loginLimit: Middleware; registerLimit: Middleware }) {
  const router = new Router({ prefix: '/api/v1/auth' });
  router.get('/password-policy', async (ctx) => {
    ctx.body = await auth.passwordPolicy(callContext(ctx));
  });
  router.post('/register', guards.registerLimit, async (ctx) => {
    ctx.status = 201;
    ctx.body = await auth.register(ctx.request.body as RegisterRequest, callContext(ctx));
  });
  router.post('/login', guards.loginLimit, async (ctx) => {
    ctx.set('cache-control', 'no-store');
    ctx.body = await auth.login(ctx.request.body as { email: string; password: string }, callContext(ctx));
  });
  router.post('/refresh', guards.loginLimit, async (ctx) => {
    ctx.set('cache-control', 'no-store');
    ctx.body = await auth.refresh(ctx.request.body as { refreshToken: string }, callContext(ctx));
  });
  router.post('/logout', async (ctx) => {
    await auth.logout(ctx.request.body as { refreshToken: string }, callContext(ctx));
    ctx.status = 204;
  });
  router.get('/me', guards.authenticated, async (ctx) => {
    ctx.body = await auth.me(callContext(ctx));
  });
  router.patch('/me', guards.authenticated, async (ctx) => {
    ctx.body = await auth.updateMe(ctx.request.body as Body, callContext(ctx));
  });
  router.post('/users/:id/deactivate', guards.authenticated, async (ctx) => {
    ctx.body = await auth.deactivateUser(ctx.params.id, callContext(ctx));
  });
  return router;
}
