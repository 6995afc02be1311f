import { SignJWT } from 'jose';
import { ALGORITHM, AUDIENCE, ISSUER, type Role } from './claims.ts';
import type { SigningKey } from './keys.ts';

export interface AccessTokenInput {
  userId: string;
  email: string;
  role: Role;
  sessionId: string;
  /** seconds */
  ttlSeconds: number;
  now: Date;
}

export async function signAccessToken(key: SigningKey, input: AccessTokenInput): Promise<string> {
  const iat = Math.floor(input.now.getTime() / 1000);
  return new SignJWT({ email: input.email, role: input.role, sid: input.sessionId })
    .setProtectedHeader({ alg: ALGORITHM, kid: key.kid, typ: 'at+jwt' })
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setSubject(input.userId)
    .setIssuedAt(iat)
    .setExpirationTime(iat + input.ttlSeconds)
    .setJti(crypto.randomUUID())
    .sign(key.privateKey);
}
