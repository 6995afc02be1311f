import { createHash } from 'node:crypto';
import type { Em } from '@ledgerline/db-kit';
import type { User } from '../users/user.entity.ts';
import { RefreshToken } from './refresh-token.entity.ts';
import { Session } from './session.entity.ts';

export function hashRefreshToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

export function findRefreshToken(em: Em, token: string) {
  return em.findOne(RefreshToken, { tokenHash: hashRefreshToken(token) }, { populate: ['session', 'session.user'] });
}

export function findSession(em: Em, id: string) {
  return em.findOne(Session, { id });
}

export function revokeSession(session: Session, now: Date, reason: string): void {
  if (!session.revokedAt) {
    session.revokedAt = now;
    session.revokedReason = reason;
  }
}

export async function revokeAllSessionsOf(em: Em, user: User, now: Date, reason: string): Promise<void> {
  const sessions = await em.find(Session, { user, revokedAt: null });
  for (const session of sessions) revokeSession(session, now, reason);
}
