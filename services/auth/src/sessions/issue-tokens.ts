import type { TokenPair } from '@ledgerline/api-schemas';
import { randomBytes, randomUUID } from 'node:crypto';
import type { Em } from '@ledgerline/db-kit';
import { signAccessToken, type SigningKey } from '@ledgerline/auth-tokens';
import type { User } from '../users/user.entity.ts';
import { RefreshToken } from './refresh-token.entity.ts';
import type { Session } from './session.entity.ts';
import { hashRefreshToken } from './session.repository.ts';

/** The answer to login and refresh: the public API's shape (@ledgerline/api-schemas). */
export type { TokenPair };

export interface TokenSettings {
  signingKey: SigningKey;
  accessTokenTtlSeconds: number;
  refreshTokenTtlSeconds: number;
}

/** Signs an access token and stores a new single-use refresh token in the session's family. */
export async function issueTokens(em: Em, session: Session, user: User, settings: TokenSettings, now: Date): Promise<TokenPair> {
  const refreshToken = randomBytes(32).toString('base64url');
  em.create(RefreshToken, {
    id: randomUUID(),
    tokenHash: hashRefreshToken(refreshToken),
    session,
    createdAt: now,
    expiresAt: new Date(now.getTime() + settings.refreshTokenTtlSeconds * 1000),
    usedAt: null,
  });
  const accessToken = await signAccessToken(settings.signingKey, {
    userId: user.id,
    email: user.email,
    role: user.role,
    sessionId: session.id,
    ttlSeconds: settings.accessTokenTtlSeconds,
    now,
  });
  await em.flush();
  return { accessToken, refreshToken, tokenType: 'Bearer', expiresIn: settings.accessTokenTtlSeconds };
}
