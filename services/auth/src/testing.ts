/**
 * Test support for the auth service's unit tests (imported only by *.test.ts files).
 * Each call builds the real app on its own fresh in-memory database.
 */
import { generateSigningKey, type SigningKey } from '@ledgerline/auth-tokens';
import { createTestApp, uniqueEmail, type Teardown, type TestApp } from '@ledgerline/test-kit';
import type Koa from 'koa';
import { createApp } from './app.ts';
import type { AuthSettings } from './deps.ts';
import { authEntities } from './entities.ts';
import { createPasswordHasher, type ScryptCost } from './passwords/password-hasher.ts';
import { bootstrapAdmin } from './users/bootstrap-admin.ts';

/** Low scrypt cost: the same algorithm, fast enough for hundreds of tests. */
export const TEST_SCRYPT_COST: ScryptCost = { N: 1024, r: 8, p: 1 };
export const GOOD_PASSWORD = 'Correct-Horse-42';

export interface AuthTestApp extends TestApp<Koa> {
  signingKey: SigningKey;
  registerBody(overrides?: Record<string, unknown>): Record<string, unknown>;
  /** Registers a user through the API and logs them in; returns the user and their tokens. */
  signUp(overrides?: Record<string, unknown>): Promise<{ user: { id: string; email: string }; email: string; password: string; accessToken: string; refreshToken: string }>;
  /** Creates the admin account through the service's own bootstrap and logs in as admin. */
  signInAdmin(): Promise<{ accessToken: string; id: string }>;
}

export async function createAuthTestApp(t: Teardown, settings: Partial<AuthSettings> = {}): Promise<AuthTestApp> {
  const signingKey = await generateSigningKey();
  const base = await createTestApp(t, authEntities, ({ orm, logger, clock }) =>
    createApp({ orm, logger, clock: clock.now, signingKeys: [signingKey], settings: { scryptCost: TEST_SCRYPT_COST, ...settings } }),
  );
  const registerBody = (overrides: Record<string, unknown> = {}) => ({
    email: uniqueEmail(),
    password: GOOD_PASSWORD,
    fullName: 'Ada Lovelace',
    investmentProfile: { riskTolerance: 'moderate', horizonYears: 15, goals: ['retirement', 'wealth_growth'] },
    ...overrides,
  });
  const login = async (email: string, password: string) => {
    const response = await base.http.post('/auth/login').send({ email, password });
    if (response.status !== 200) throw new Error(`login failed: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body as { accessToken: string; refreshToken: string };
  };
  return {
    ...base,
    signingKey,
    registerBody,
    async signUp(overrides = {}) {
      const body = registerBody(overrides);
      const response = await base.http.post('/auth/register').send(body);
      if (response.status !== 201) throw new Error(`register failed: ${response.status} ${JSON.stringify(response.body)}`);
      const tokens = await login(body.email as string, body.password as string);
      return { user: response.body, email: body.email as string, password: body.password as string, ...tokens };
    },
    async signInAdmin() {
      const admin = { email: uniqueEmail('admin'), password: 'Root-Of-Trust-77', fullName: 'Grace Admin' };
      await bootstrapAdmin(base.orm, createPasswordHasher(TEST_SCRYPT_COST), base.clock.now(), admin);
      const tokens = await login(admin.email, admin.password);
      const me = await base.http.get('/auth/me').set('authorization', `Bearer ${tokens.accessToken}`);
      return { accessToken: tokens.accessToken, id: me.body.id as string };
    },
  };
}
