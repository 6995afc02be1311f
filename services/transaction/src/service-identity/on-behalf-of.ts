import { signOnBehalfOfToken, TRANSACTION_TO_PORTFOLIO, type SigningKey } from '@ledgerline/auth-tokens';

/** Mints the token for one call to the portfolio service's internal API, for one user. */
export type ServiceTokens = (userId: string) => Promise<string>;

/**
 * The transaction service speaks to the portfolio service with its own short-lived on-behalf-of tokens (signed by
 * its key, published at /.well-known/jwks.json), never with the end user's access token: a pending trade may be
 * sent again long after that token expired, and the portfolio's internal API accepts only these.
 */
export function serviceTokens(key: SigningKey, clock: () => Date, ttlSeconds: number): ServiceTokens {
  return (userId) => signOnBehalfOfToken(key, TRANSACTION_TO_PORTFOLIO, { userId, ttlSeconds, now: clock() });
}
