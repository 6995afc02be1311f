import Router from '@koa/router';
import { z } from 'zod';
import type { Em } from '@ledgerline/db-kit';
import { validate } from '@ledgerline/http-kit';
import type { KeyResolver } from '@ledgerline/auth-tokens';
import { requireAdmin, requireUser } from '../http/authenticate.ts';
import type { PasswordHasher } from '../passwords/password-hasher.ts';
import { PASSWORD_RULES } from '../passwords/password-policy.ts';
import { deactivateUser } from './deactivate-user.ts';
import { registerUser } from './register.ts';
import { updateProfile } from './update-profile.ts';
import type { User } from './user.entity.ts';
import { registerSchema, updateProfileSchema } from './user.schemas.ts';
import { toUserView } from './user.view.ts';

const userIdParam = z.object({ id: z.uuid('Not a user id.') });

export function userRoutes(deps: { hasher: PasswordHasher; keys: KeyResolver; clock: () => Date }) {
  const router = new Router({ prefix: '/auth' });
  const authenticated = requireUser(deps.keys, deps.clock);

  router.get('/password-policy', (ctx) => {
    ctx.body = { rules: PASSWORD_RULES };
  });
  router.post('/register', async (ctx) => {
    const input = validate(registerSchema, ctx.request.body);
    const user = await registerUser(ctx.state.em as Em, deps.hasher, deps.clock(), input);
    ctx.status = 201;
    ctx.set('location', '/auth/me');
    ctx.body = toUserView(user);
  });
  router.get('/me', authenticated, (ctx) => {
    ctx.body = toUserView(ctx.state.user as User);
  });
  router.patch('/me', authenticated, async (ctx) => {
    const input = validate(updateProfileSchema, ctx.request.body);
    ctx.body = toUserView(await updateProfile(ctx.state.em as Em, ctx.state.user as User, input, deps.clock()));
  });
  router.post('/users/:id/deactivate', authenticated, requireAdmin, async (ctx) => {
    const { id } = validate(userIdParam, ctx.params);
    ctx.body = toUserView(await deactivateUser(ctx.state.em as Em, ctx.state.user as User, id, deps.clock()));
  });
  return router;
}
