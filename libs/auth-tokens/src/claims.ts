/** The access-token format every service agrees on. Auth signs it; everyone else verifies it locally. */
export const ISSUER = 'ledgerline-auth';
export const AUDIENCE = 'ledgerline';
export const ALGORITHM = 'ES256';

export type Role = 'user' | 'admin';

export interface Identity {
  userId: string;
  email: string;
  role: Role;
  /** Refresh-token family (the login session) this access token belongs to. */
  sessionId: string;
  expiresAt: Date;
}
