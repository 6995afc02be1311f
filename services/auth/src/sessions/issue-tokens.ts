import type { TokenPair } from '@ledgerline/api-schemas';
import { randomBytes, randomUUID } from 'node:crypto';
import type { Em } from '@ledgerline/db-kit';
import { signAccessToken, type SigningKey } from '@ledgerline/auth-tokens';
import type { User } from '../users/user.entity.ts';
import { RefreshToken } from './refresh-token.entity.ts';
import type { Session } from './session.entity.ts';
import { hashRefreshToken, type RefreshTokenRow } from './session.repository.ts';

/** The answer to login and refresh: the public API's shape (@ledgerline/api-schemas). */
export type { TokenPair };

export interface TokenSettings {
  signingKey: SigningKey;
  accessTokenTtlSeconds: number;
  refreshTokenTtlSeconds: number;
}

/** A new single-use refresh token of a session: the value the client gets and the row that stores its hash. */
export function newRefreshToken(sessionId: string, settings: TokenSettings, now: Date): { value: string; row: RefreshTokenRow } {
  const value = randomBytes(32).toString('base64url');
  return {
    value,
    row: { id: randomUUID(), tokenHash: hashRefreshToken(value), sessionId, createdAt: now, expiresAt: new Date(now.getTime() + settings.refreshTokenTtlSeconds * 1000) },
  };
}

/** Signs the access token of a session and pairs it with the session's new refresh token. */
export async function tokenPair(user: Pick<User, 'id' | 'email' | 'role'>, sessionId: string, refreshToken: string, settings: TokenSettings, now: Date): Promise<TokenPair> {
  const accessToken = await signAccessToken(settings.signingKey, {
    userId: user.id,
    email: user.email,
    role: user.role,
    sessionId,
    ttlSeconds: settings.accessTokenTtlSeconds,
    now,
  });
  return { accessToken, refreshToken, tokenType: 'Bearer', expiresIn: settings.accessTokenTtlSeconds };
}

/** Signs an access token and stores a new single-use refresh token in the session's family (with `em`'s other changes, in one flush). */
export async function issueTokens(em: Em, session: Session, user: User, settings: TokenSettings, now: Date): Promise<TokenPair> {
  const { value, row } = newRefreshToken(session.id, settings, now);
  const { sessionId: _sessionId, ...fields } = row;
  em.create(RefreshToken, { ...fields, session, usedAt: null });
  const pair = await tokenPair(user, session.id, value, settings, now);
  await em.flush();
  return pair;
}
