import { randomUUID } from 'node:crypto';
import { ACCESS_TOKEN_TTL_SECONDS, generateSigningKey, signAccessToken, toJwks, type JsonWebKeySet, type Role, type SigningKey } from '@ledgerline/auth-tokens';

export interface TestTokenIssuer {
  key: SigningKey;
  jwks: JsonWebKeySet;
  /** A real ES256 access token, exactly as the auth service would sign it. */
  token(claims?: Partial<{ userId: string; email: string; role: Role; sessionId: string; ttlSeconds: number; now: Date }>): Promise<string>;
}

/** A real signing key for tests of services that verify tokens: hand `jwks` to the service under test. */
export async function createTestTokenIssuer(): Promise<TestTokenIssuer> {
  const key = await generateSigningKey();
  return {
    key,
    jwks: toJwks([key]),
    token: (claims = {}) =>
      signAccessToken(key, {
        userId: claims.userId ?? randomUUID(),
        email: claims.email ?? `user-${randomUUID()}@example.test`,
        role: claims.role ?? 'user',
        sessionId: claims.sessionId ?? randomUUID(),
        ttlSeconds: claims.ttlSeconds ?? ACCESS_TOKEN_TTL_SECONDS,
        now: claims.now ?? new Date(),
      }),
  };
}

/** A unique, valid-looking email for a test user. */
export function uniqueEmail(label = 'user'): string {
  return `${label}-${randomUUID().slice(0, 8)}@example.test`;
}
