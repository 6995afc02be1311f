import { createHash } from 'node:crypto';
import { writeRows, writeTransaction, type Em } from '@ledgerline/db-kit';
import type { User } from '../users/user.entity.ts';
import { RefreshToken } from './refresh-token.entity.ts';
import { Session } from './session.entity.ts';

export function hashRefreshToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

/** A refresh token's row as a login writes it (unused). */
export interface RefreshTokenRow {
  id: string;
  tokenHash: string;
  sessionId: string;
  createdAt: Date;
  expiresAt: Date;
}

const INSERT_SESSION = `insert into "session" (id, user_id, created_at, revoked_at, revoked_reason) values (?, ?, ?, null, null)`;
const INSERT_REFRESH_TOKEN = `insert into "refresh_token" (id, token_hash, session_id, created_at, expires_at, used_at) values (?, ?, ?, ?, ?, null)`;

/**
 * Opens a session with its first refresh token, both or neither: one write transaction of two prepared inserts (a
 * login's hot path; no entities, no unit of work).
 */
export async function openSession(em: Em, session: { id: string; userId: string; createdAt: Date }, refreshToken: RefreshTokenRow): Promise<void> {
  await writeTransaction(em, async (tx) => {
    await writeRows(tx, INSERT_SESSION, [session.id, session.userId, session.createdAt]);
    await writeRows(tx, INSERT_REFRESH_TOKEN, [refreshToken.id, refreshToken.tokenHash, refreshToken.sessionId, refreshToken.createdAt, refreshToken.expiresAt]);
  });
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
