import { signOnBehalfOfToken, TRANSACTION_TO_PORTFOLIO, type SigningKey } from '@ledgerline/auth-tokens';

/** Mints the token for one call to the portfolio service's internal API, for one user. */
export type ServiceTokens = (userId: string) => Promise<string>;

/** The most users whose current token is kept (the oldest is dropped first). */
const MAX_KEPT = 10_000;

/**
 * The transaction service speaks to the portfolio service with its own short-lived on-behalf-of tokens (signed by
 * its key, published at /.well-known/jwks.json), never with the end user's access token: a pending trade may be
 * sent again long after that token expired, and the portfolio's internal API accepts only these.
 * A user's token is reused for the first half of its lifetime (so the portfolio service's verified-token cache
 * answers the next calls), then a new one is signed: every token sent has at least half its lifetime left.
 */
export function serviceTokens(key: SigningKey, clock: () => Date, ttlSeconds: number): ServiceTokens {
  const kept = new Map<string, { token: string; signedAt: number }>();
  const reuseMs = (ttlSeconds * 1000) / 2;
  return async (userId) => {
    const now = clock();
    const held = kept.get(userId);
    const age = held ? now.getTime() - held.signedAt : -1;
    if (held && age >= 0 && age < reuseMs) return held.token;
    const token = await signOnBehalfOfToken(key, TRANSACTION_TO_PORTFOLIO, { userId, ttlSeconds, now });
    kept.delete(userId);
    kept.set(userId, { token, signedAt: now.getTime() });
    if (kept.size > MAX_KEPT) kept.delete(kept.keys().next().value!);
    return token;
  };
}
