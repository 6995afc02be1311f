import type { Em } from '@ledgerline/db-kit';
import { notFound, AppError } from '@ledgerline/http-kit';
import { revokeAllSessionsOf } from '../sessions/session.repository.ts';
import type { User } from './user.entity.ts';
import { userRepository } from './user.repository.ts';

/**
 * An admin deactivates a user: they can no longer log in, every refresh token of theirs is revoked,
 * and the auth service refuses their access tokens at once (other services within one token lifetime).
 */
export async function deactivateUser(em: Em, admin: User, userId: string, now: Date): Promise<User> {
  if (admin.id === userId) {
    throw new AppError(409, 'cannot_deactivate_self', 'Conflict', { detail: 'An admin cannot deactivate their own account.' });
  }
  const user = await userRepository(em).findById(userId);
  if (!user) throw notFound('User');
  if (user.active) {
    user.active = false;
    user.deactivatedAt = now;
    user.updatedAt = now;
  }
  await revokeAllSessionsOf(em, user, now, 'user_deactivated');
  await em.flush();
  return user;
}
