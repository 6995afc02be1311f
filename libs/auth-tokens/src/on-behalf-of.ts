import { errors, jwtVerify, SignJWT } from 'jose';
import type { Context, Next } from 'koa';
import { unauthorized } from '@ledgerline/http-kit';
import { ALGORITHM, CLOCK_TOLERANCE_SECONDS, ON_BEHALF_OF_TYPE, type OnBehalfOf, type OnBehalfOfParty } from './claims.ts';
import type { SigningKey } from './keys.ts';
import { createVerifiedTokenCache, type VerifiedTokenCache } from './verified-cache.ts';
import { bearerToken, type KeyResolver } from './verify.ts';

export interface OnBehalfOfInput {
  userId: string;
  /** seconds */
  ttlSeconds: number;
  now: Date;
}

/** A short-lived token with which a service (issuer) calls another (audience) for one user (sub). */
export async function signOnBehalfOfToken(key: SigningKey, party: OnBehalfOfParty, input: OnBehalfOfInput): Promise<string> {
  const iat = Math.floor(input.now.getTime() / 1000);
  return new SignJWT({})
    .setProtectedHeader({ alg: ALGORITHM, kid: key.kid, typ: ON_BEHALF_OF_TYPE })
    .setIssuer(party.issuer)
    .setAudience(party.audience)
    .setSubject(input.userId)
    .setIssuedAt(iat)
    .setExpirationTime(iat + input.ttlSeconds)
    .setJti(crypto.randomUUID())
    .sign(key.privateKey);
}

/**
 * Verifies an on-behalf-of token: signature against the calling service's keys, type, issuer, audience, expiry.
 * An end user's access token fails here (other key, type, issuer and audience). Failures are 401 AppErrors.
 */
export async function verifyOnBehalfOfToken(token: string, keys: KeyResolver, party: OnBehalfOfParty, now: () => Date = () => new Date()): Promise<OnBehalfOf> {
  try {
    const { payload } = await jwtVerify(token, keys, {
      issuer: party.issuer,
      audience: party.audience,
      algorithms: [ALGORITHM],
      typ: ON_BEHALF_OF_TYPE,
      currentDate: now(),
      clockTolerance: CLOCK_TOLERANCE_SECONDS,
      requiredClaims: ['sub', 'exp', 'iat'],
    });
    if (typeof payload.sub !== 'string' || !payload.sub || typeof payload.exp !== 'number') {
      throw unauthorized('The service token is missing required claims.', 'invalid_token');
    }
    return { userId: payload.sub, issuer: party.issuer, expiresAt: new Date(payload.exp * 1000) };
  } catch (error) {
    if (error instanceof errors.JWTExpired) throw unauthorized('The service token has expired.', 'token_expired');
    if (error instanceof errors.JOSEError) throw unauthorized('This endpoint accepts only a service token of the transaction service.', 'invalid_token');
    throw error;
  }
}

/** Checks one on-behalf-of token at `now` (see onBehalfOfVerifier). */
export type OnBehalfOfVerifier = (token: string, now: Date) => Promise<OnBehalfOf>;

/**
 * verifyOnBehalfOfToken with a cache: tokens it has verified are answered from the cache until they expire (see
 * createVerifiedTokenCache); `cache: null` checks the signature every time. The one check behind the internal APIs'
 * Authorization header and behind each trade of a batch.
 */
export function onBehalfOfVerifier(
  keys: KeyResolver,
  party: OnBehalfOfParty,
  cache: VerifiedTokenCache<OnBehalfOf> | null = createVerifiedTokenCache<OnBehalfOf>(),
): OnBehalfOfVerifier {
  return async (token, now) => {
    let caller = cache?.lookup(token, now);
    if (!caller) {
      caller = await verifyOnBehalfOfToken(token, keys, party, () => now);
      cache?.remember(token, caller, now);
    }
    return caller;
  };
}

/**
 * Koa middleware for internal APIs: a verified on-behalf-of token (`verify`, an onBehalfOfVerifier) or 401; sets
 * `ctx.state.onBehalfOf`.
 */
export function requireOnBehalfOf(verify: OnBehalfOfVerifier, clock: () => Date = () => new Date()) {
  return async function authenticateService(ctx: Context, next: Next): Promise<void> {
    ctx.state.onBehalfOf = await verify(bearerToken(ctx.get('authorization')), clock());
    await next();
  };
}
