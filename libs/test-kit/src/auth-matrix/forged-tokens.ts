/**
 * The ways a caller can present a token that must not let them in — one definition for every service's
 * authorization matrix. Forgeries keep the victim token's type, issuer and audience (an access token, or a
 * service's on-behalf-of token), so each case breaks exactly one thing. Each forged token claims the most the attacker could want: the victim's identity
 * with the admin role, so a missing check anywhere turns the refusal into a success and the matrix fails.
 */
import { randomUUID } from 'node:crypto';
import { SignJWT, base64url, decodeJwt, decodeProtectedHeader, exportSPKI, importJWK, type CryptoKey } from 'jose';
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

/** The victim's token as it was issued: its type, issuer, audience and claims (access or on-behalf-of token alike). */
function issued(base: ForgeryBase) {
  const { iss, aud, sub, iat: _iat, exp: _exp, nbf: _nbf, jti: _jti, ...claims } = decodeJwt(base.token);
  return { typ: decodeProtectedHeader(base.token).typ ?? 'at+jwt', iss: iss ?? ISSUER, aud: (aud ?? AUDIENCE) as string | string[], sub: sub as string, claims };
}

/** The victim's claims with the admin role, as an attacker would like them. */
function escalated(base: ForgeryBase) {
  const { claims, sub } = issued(base);
  return { ...claims, role: 'admin', sub };
}

/** Signs the escalated claims with `key`, overriding header or registered claims as the case needs. */
async function sign(base: ForgeryBase, options: { key?: SigningKey; iss?: string; aud?: string; iat?: number; exp?: number; nbf?: number } = {}) {
  const { sub, ...claims } = escalated(base);
  const { typ, iss, aud } = issued(base);
  const key = options.key ?? base.key;
  const iat = options.iat ?? seconds(base.now);
  const jwt = new SignJWT(claims)
    .setProtectedHeader({ alg: ALGORITHM, kid: key.kid, typ })
    .setIssuer(options.iss ?? iss)
    .setAudience(options.aud ?? aud)
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
      const { typ, iss, aud } = issued(base);
      const iat = seconds(base.now);
      const payload = { ...escalated(base), iss, aud, iat, exp: iat + 300, jti: randomUUID() };
      return `Bearer ${encode({ alg: 'none', typ, kid: base.key.kid })}.${encode(payload)}.`;
    },
  },
  {
    name: 'HS256 signed with the public key',
    code: 'invalid_token',
    header: async (base) => {
      const { sub, ...claims } = escalated(base);
      const { typ, iss, aud } = issued(base);
      const publicKey = (await importJWK(base.key.publicJwk, ALGORITHM)) as CryptoKey;
      const secret = new TextEncoder().encode(await exportSPKI(publicKey));
      const token = await new SignJWT(claims).setProtectedHeader({ alg: 'HS256', kid: base.key.kid, typ })
        .setIssuer(iss).setAudience(aud).setSubject(sub).setIssuedAt(seconds(base.now)).setExpirationTime(seconds(base.now) + 300).sign(secret);
      return `Bearer ${token}`;
    },
  },
  { name: 'unknown kid (a key the service never published)', code: 'invalid_token', header: async (base) => sign(base, { key: await generateSigningKey() }) },
  {
    name: 'known kid, foreign key (signature by another key under the trusted kid)',
    code: 'invalid_token',
    header: async (base) => sign(base, { key: await generateSigningKey(base.key.kid) }),
  },
  { name: 'wrong issuer', code: 'invalid_token', header: async (base) => sign(base, { iss: `${issued(base).iss}.evil.example` }) },
  { name: 'wrong audience', code: 'invalid_token', header: async (base) => sign(base, { aud: 'another-system' }) },
  {
    name: 'expired (past the clock tolerance)',
    code: 'token_expired',
    header: async (base) => sign(base, { iat: seconds(base.now) - 600, exp: seconds(base.now) - 60 }),
  },
  { name: 'not yet valid (nbf in the future)', code: 'invalid_token', header: async (base) => sign(base, { nbf: seconds(base.now) + 600 }) },
];
