import { createRemoteJWKSet } from 'jose';
import type { KeyResolver } from './verify.ts';

/**
 * Keys fetched from the auth service's JWKS endpoint, cached, and fetched again when a token names
 * a key id the cache does not know (key rotation). Create one per app, in its composition root.
 */
export function remoteKeys(jwksUrl: string | URL, options: { timeoutMs?: number; cacheMaxAgeMs?: number } = {}): KeyResolver {
  return createRemoteJWKSet(new URL(jwksUrl), {
    timeoutDuration: options.timeoutMs ?? 2000,
    cooldownDuration: 1000,
    cacheMaxAge: options.cacheMaxAgeMs ?? 10 * 60 * 1000,
  });
}
