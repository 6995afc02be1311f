import type { Em } from '@ledgerline/db-kit';
import { AppError, forbidden } from '@ledgerline/http-kit';
import { issueTokens, type TokenPair, type TokenSettings } from './issue-tokens.ts';
import { findRefreshToken, revokeSession } from './session.repository.ts';

const invalidRefresh = (detail = 'The refresh token is not valid. Log in again.') =>
  new AppError(401, 'invalid_refresh_token', 'Unauthorized', { detail });

/**
 * Rotation: a refresh token works once and is replaced by a new one in the same family. Presenting a
 * token that was already used means it leaked: the whole family (session) is revoked.
 */
export async function refreshTokens(em: Em, refreshToken: string, tokens: TokenSettings, now: Date): Promise<TokenPair> {
  const stored = await findRefreshToken(em, refreshToken);
  if (!stored) throw invalidRefresh();
  const session = stored.session;
  if (session.revokedAt) throw invalidRefresh('This session has ended. Log in again.');
  if (stored.usedAt) {
    revokeSession(session, now, 'refresh_token_reuse');
    await em.flush();
    throw invalidRefresh('This refresh token was already used; the session has been revoked. Log in again.');
  }
  if (stored.expiresAt.getTime() <= now.getTime()) throw invalidRefresh('The refresh token has expired. Log in again.');
  const user = session.user;
  if (!user.active) throw forbidden('This account has been deactivated.', 'account_inactive');
  stored.usedAt = now;
  return issueTokens(em, session, user, tokens, now);
}
