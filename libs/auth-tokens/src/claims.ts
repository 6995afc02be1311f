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
