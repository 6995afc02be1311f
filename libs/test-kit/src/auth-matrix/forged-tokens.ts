/**
 * The ways a caller can present a token that must not let them in — one definition for every service's
 * authorization matrix. Each forged token claims the most the attacker could want: the victim's identity
 * with the admin role, so a missing check anywhere turns the refusal into a success and the matrix fails.
 */
import { randomUUID } from 'node:crypto';
import { SignJWT, base64url, decodeJwt, exportSPKI, importJWK, type CryptoKey } from 'jose';
import { ALGORITHM, AUDIENCE, ISSUER, generateSigningKey, type SigningKey } from '@ledgerline/auth-tokens';

/** A real token of the caller the forgery builds on (its claims are copied, its signature is not). */
export interface ForgeryBase {
  /** The key the service under test trusts. */
  key: SigningKey;
  /** A valid token of the victim, as the issuer signed it. */
  token: string;
  now: Date;
}

export interface TokenCase {
  /** How the case is named in test messages. */
  name: string;
  /** The refusal every protected route must answer (always 401). */
  code: 'unauthorized' | 'invalid_token' | 'token_expired';
  /** The Authorization header value to send (undefined: none). */
  header(base: ForgeryBase): Promise<string | undefined>;
}

const encode = (value: unknown) => base64url.encode(JSON.stringify(value));
const seconds = (date: Date) => Math.floor(date.getTime() / 1000);

/** The victim's claims with the admin role, as an attacker would like them. */
function escalated(base: ForgeryBase) {
  const claims = decodeJwt(base.token);
  return { email: claims.email, role: 'admin', sid: claims.sid, sub: claims.sub as string };
}

/** Signs the escalated claims with `key`, overriding header or registered claims as the case needs. */
async function sign(base: ForgeryBase, options: { key?: SigningKey; iss?: string; aud?: string; iat?: number; exp?: number; nbf?: number } = {}) {
  const { sub, ...claims } = escalated(base);
  const key = options.key ?? base.key;
  const iat = options.iat ?? seconds(base.now);
  const jwt = new SignJWT(claims)
    .setProtectedHeader({ alg: ALGORITHM, kid: key.kid, typ: 'at+jwt' })
    .setIssuer(options.iss ?? ISSUER)
    .setAudience(options.aud ?? AUDIENCE)
    .setSubject(sub)
    .setIssuedAt(iat)
    .setExpirationTime(options.exp ?? iat + 300)
    .setJti(randomUUID());
  if (options.nbf !== undefined) jwt.setNotBefore(options.nbf);
  return `Bearer ${await jwt.sign(key.privateKey)}`;
}

export const TOKEN_CASES: readonly TokenCase[] = [
  { name: 'anonymous (no Authorization header)', code: 'unauthorized', header: async () => undefined },
  { name: 'malformed header (not "Bearer <token>")', code: 'unauthorized', header: async ({ token }) => `Token ${token}` },
  { name: 'not a JWT', code: 'invalid_token', header: async () => 'Bearer not.a.jwt' },
  {
    name: 'bad signature (payload changed to role admin, signature kept)',
    code: 'invalid_token',
    header: async (base) => {
      const [header, , signature] = base.token.split('.');
      return `Bearer ${header}.${encode({ ...decodeJwt(base.token), role: 'admin', jti: randomUUID() })}.${signature}`;
    },
  },
  {
    name: 'alg "none" (unsigned)',
    code: 'invalid_token',
    header: async (base) => {
      const { sub, ...claims } = escalated(base);
      const iat = seconds(base.now);
      const payload = { ...claims, sub, iss: ISSUER, aud: AUDIENCE, iat, exp: iat + 300, jti: randomUUID() };
      return `Bearer ${encode({ alg: 'none', typ: 'at+jwt', kid: base.key.kid })}.${encode(payload)}.`;
    },
  },
  {
    name: 'HS256 signed with the public key',
    code: 'invalid_token',
    header: async (base) => {
      const { sub, ...claims } = escalated(base);
      const publicKey = (await importJWK(base.key.publicJwk, ALGORITHM)) as CryptoKey;
      const secret = new TextEncoder().encode(await exportSPKI(publicKey));
      const token = await new SignJWT(claims).setProtectedHeader({ alg: 'HS256', kid: base.key.kid, typ: 'at+jwt' })
        .setIssuer(ISSUER).setAudience(AUDIENCE).setSubject(sub).setIssuedAt(seconds(base.now)).setExpirationTime(seconds(base.now) + 300).sign(secret);
      return `Bearer ${token}`;
    },
  },
  { name: 'unknown kid (a key the service never published)', code: 'invalid_token', header: async (base) => sign(base, { key: await generateSigningKey() }) },
  {
    name: 'known kid, foreign key (signature by another key under the trusted kid)',
    code: 'invalid_token',
    header: async (base) => sign(base, { key: await generateSigningKey(base.key.kid) }),
  },
  { name: 'wrong issuer', code: 'invalid_token', header: async (base) => sign(base, { iss: 'ledgerline-auth.evil.example' }) },
  { name: 'wrong audience', code: 'invalid_token', header: async (base) => sign(base, { aud: 'another-system' }) },
  {
    name: 'expired (past the clock tolerance)',
    code: 'token_expired',
    header: async (base) => sign(base, { iat: seconds(base.now) - 600, exp: seconds(base.now) - 60 }),
  },
  { name: 'not yet valid (nbf in the future)', code: 'invalid_token', header: async (base) => sign(base, { nbf: seconds(base.now) + 600 }) },
];
