/** The access-token format every service agrees on. Auth signs it; everyone else verifies it locally. */
export const ISSUER = 'ledgerline-auth';
export const AUDIENCE = 'ledgerline';
export const ALGORITHM = 'ES256';
/** The documented access-token lifetime (README: ≤ 5 minutes): auth's default, and how long other services may honour a token. */
export const ACCESS_TOKEN_TTL_SECONDS = 300;
/** Clock skew tolerated on `exp`/`nbf`, by the full verification and by the verified-token cache alike. */
export const CLOCK_TOLERANCE_SECONDS = 5;

export type Role = 'user' | 'admin';

export interface Identity {
  userId: string;
  email: string;
  role: Role;
  /** Refresh-token family (the login session) this access token belongs to. */
  sessionId: string;
  expiresAt: Date;
}

/**
 * On-behalf-of tokens: a service (the issuer, with its own key and JWKS) calls another service's internal API for
 * one user (`sub`). The type header keeps them apart from access tokens, whatever key signed them.
 */
export const ON_BEHALF_OF_TYPE = 'obo+jwt';

/** The one on-behalf-of pairing in the system: the transaction service calling the portfolio's internal API. */
export const TRANSACTION_TO_PORTFOLIO = { issuer: 'ledgerline-transaction', audience: 'ledgerline-portfolio-internal' } as const;

export interface OnBehalfOfParty {
  issuer: string;
  audience: string;
}

/** Who an internal call is made for (from a verified on-behalf-of token). */
export interface OnBehalfOf {
  userId: string;
  issuer: string;
  expiresAt: Date;
}
