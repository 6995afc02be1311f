import { CLOCK_TOLERANCE_SECONDS, type Identity } from './claims.ts';

/** Clock tolerance on expiry: the same as verifyAccessToken's. */
const EXPIRY_TOLERANCE_MS = CLOCK_TOLERANCE_SECONDS * 1000;

/** What a verified token yields (an access token's Identity, an on-behalf-of token's caller): at least its expiry. */
export interface Verified {
  expiresAt: Date;
}

export interface VerifiedTokenCache<T extends Verified = Identity> {
  /** The identity of a token this cache has seen verified, while it is still valid; else undefined. */
  lookup(token: string, now: Date): T | undefined;
  /** Remembers a token that has just passed full verification. */
  remember(token: string, identity: T, now: Date): void;
  readonly size: number;
}

export interface VerifiedTokenCacheOptions {
  /** Most tokens remembered; the oldest are forgotten first. */
  max?: number;
  /** How long a verification is trusted before the signature is checked again (bounds the effect of a key withdrawn from the JWKS). */
  maxAgeMs?: number;
}

/**
 * Remembers access tokens this process has already verified, so the same client's next request costs a map
 * lookup instead of an ES256 signature check (the largest CPU cost of an authenticated request in the gateway).
 * Keyed by the whole token, so any changed byte is a different key and gets the full check; failures are never
 * remembered; an entry is used only until the token expires and at most `maxAgeMs` after it was verified.
 * One cache per middleware instance, made in the app's composition root: no process-wide state.
 */
export function createVerifiedTokenCache<T extends Verified = Identity>(options: VerifiedTokenCacheOptions = {}): VerifiedTokenCache<T> {
  const max = options.max ?? 10_000;
  const maxAgeMs = options.maxAgeMs ?? 60_000;
  const entries = new Map<string, { identity: T; verifiedAt: number }>();
  return {
    lookup(token, now) {
      const entry = entries.get(token);
      if (!entry) return undefined;
      const at = now.getTime();
      if (at >= entry.identity.expiresAt.getTime() + EXPIRY_TOLERANCE_MS || at - entry.verifiedAt > maxAgeMs || at < entry.verifiedAt) {
        entries.delete(token);
        return undefined;
      }
      return entry.identity;
    },
    remember(token, identity, now) {
      entries.delete(token);
      entries.set(token, { identity, verifiedAt: now.getTime() });
      if (entries.size > max) entries.delete(entries.keys().next().value!);
    },
    get size() {
      return entries.size;
    },
  };
}
