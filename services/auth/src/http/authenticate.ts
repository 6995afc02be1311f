import type { Context, Next } from 'koa';
import type { Em } from '@ledgerline/db-kit';
import { forbidden, unauthorized } from '@ledgerline/http-kit';
import { bearerToken, verifyAccessToken, type KeyResolver } from '@ledgerline/auth-tokens';
import { userRepository } from '../users/user.repository.ts';
import { findSession } from '../sessions/session.repository.ts';
import type { User } from '../users/user.entity.ts';

/**
 * Verifies the access token, then — because auth owns the data — checks that the user is still active
 * and the session not revoked, so logout and deactivation take effect here at once.
 */
export function requireUser(keys: KeyResolver, clock: () => Date) {
  return async function authenticate(ctx: Context, next: Next): Promise<void> {
    const identity = await verifyAccessToken(bearerToken(ctx.get('authorization')), keys, clock);
    const em = ctx.state.em as Em;
    const user = await userRepository(em).findById(identity.userId);
    if (!user || !user.active) throw unauthorized('This account is no longer active.', 'account_inactive');
    const session = await findSession(em, identity.sessionId);
    if (!session || session.revokedAt) throw unauthorized('This session has ended. Log in again.', 'session_revoked');
    ctx.state.user = user;
    await next();
  };
}

export async function requireAdmin(ctx: Context, next: Next): Promise<void> {
  const user = ctx.state.user as User;
  if (user.role !== 'admin') throw forbidden('This action needs the admin role.', 'admin_only');
  await next();
}
