import { createLocalJWKSet, errors, jwtVerify, type JWTVerifyGetKey } from 'jose';
import { unauthorized } from '@ledgerline/http-kit';
import { ALGORITHM, AUDIENCE, CLOCK_TOLERANCE_SECONDS, ISSUER, type Identity, type Role } from './claims.ts';
import type { JsonWebKeySet } from './keys.ts';

export type KeyResolver = JWTVerifyGetKey;

const ROLES: ReadonlySet<string> = new Set(['user', 'admin']);

/**
 * Verifies an access token's signature, issuer, audience, expiry and claims, and returns the identity.
 * Every failure is a 401 `invalid_token` (or `token_expired`) AppError: callers never see jose's errors.
 */
export async function verifyAccessToken(token: string, keys: KeyResolver, now: () => Date = () => new Date()): Promise<Identity> {
  try {
    const { payload } = await jwtVerify(token, keys, {
      issuer: ISSUER,
      audience: AUDIENCE,
      algorithms: [ALGORITHM],
      typ: 'at+jwt',
      currentDate: now(),
      clockTolerance: CLOCK_TOLERANCE_SECONDS,
    });
    const { sub, email, role, sid, exp } = payload;
    if (typeof sub !== 'string' || typeof email !== 'string' || typeof sid !== 'string' || typeof role !== 'string' || !ROLES.has(role) || typeof exp !== 'number') {
      throw unauthorized('The access token is missing required claims.', 'invalid_token');
    }
    return { userId: sub, email, role: role as Role, sessionId: sid, expiresAt: new Date(exp * 1000) };
  } catch (error) {
    if (error instanceof errors.JWTExpired) throw unauthorized('The access token has expired.', 'token_expired');
    if (error instanceof errors.JOSEError) throw unauthorized('The access token is not valid.', 'invalid_token');
    throw error;
  }
}

export function localKeys(jwks: JsonWebKeySet): KeyResolver {
  return createLocalJWKSet(jwks);
}

/** Reads `Authorization: Bearer <token>`; anything else is a 401. */
export function bearerToken(header: string | undefined): string {
  const match = /^Bearer ([A-Za-z0-9._~+/=-]+)$/.exec(header ?? '');
  if (!match) throw unauthorized('Send the access token as "Authorization: Bearer <token>".');
  return match[1];
}
