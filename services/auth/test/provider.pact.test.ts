/**
 * Provider verification for the auth service: every pact in contracts/ that names "auth", verified against
 * the real app (createApp) on port 0 with a fresh file-SQLite database in the OS temp dir.
 * Provider states create their data through the service's own use cases; tokens are freshly signed.
 */
import test from 'ava';
import type Koa from 'koa';
import { generateSigningKey, type SigningKey } from '@ledgerline/auth-tokens';
import { createTestFileOrm, createTestLogger } from '@ledgerline/test-kit';
import { serveProvider, verifyPactsFor } from '@ledgerline/contract-kit';
import type { Orm } from '@ledgerline/db-kit';
import { createApp } from '../src/app.ts';
import { authEntities } from '../src/entities.ts';
import { TEST_SCRYPT_COST } from '../src/testing.ts';
import { createPasswordHasher } from '../src/passwords/password-hasher.ts';
import { registerUser } from '../src/users/register.ts';
import { login } from '../src/sessions/login.ts';
import { LoginThrottle } from '../src/sessions/login-throttle.ts';
import { deactivateUser } from '../src/users/deactivate-user.ts';
import { logout } from '../src/sessions/logout.ts';

const hasher = createPasswordHasher(TEST_SCRYPT_COST);
const profile = { riskTolerance: 'moderate' as const, horizonYears: 10, goals: ['retirement' as const] };

let orm: Orm;
let signingKey: SigningKey;
let app: Koa;
/** The access token of the state's logged-in user, put on every request that carries one. */
let accessToken: string | undefined;
/** Where the app listens: states that need the app's own in-memory login throttle go through HTTP. */
let baseUrl: string;

function freshApp(): void {
  app = createApp({ orm, logger: createTestLogger('auth'), signingKeys: [signingKey], settings: { scryptCost: TEST_SCRYPT_COST } });
  accessToken = undefined;
}

async function register(email: string, password: string, role: 'user' | 'admin' = 'user') {
  return registerUser(orm.em.fork(), hasher, new Date(), { email, password, fullName: 'Contract User', investmentProfile: profile }, role);
}

async function logIn(email: string, password: string) {
  const tokens = { signingKey, accessTokenTtlSeconds: 300, refreshTokenTtlSeconds: 3600 };
  const throttle = new LoginThrottle({ maxFailures: 100, windowMs: 1000, now: () => new Date() });
  return login(orm.em.fork(), { hasher, throttle, tokens, now: new Date() }, { email, password });
}

verifyPactsFor(test, {
  provider: 'auth',
  async start(dbPath) {
    orm = await createTestFileOrm(authEntities, dbPath);
    signingKey = await generateSigningKey();
    freshApp();
    // Every request goes to the current app; a reset empties the database and builds a fresh app.
    const provider = await serveProvider({ orm, app: () => app, rebuild: freshApp });
    baseUrl = provider.baseUrl;
    return provider;
  },
  stateHandlers: {
    'no user is registered with the email': async () => undefined,
    'a user with the email and password exists': async (params) => {
      const { email, password } = params as { email: string; password: string };
      const user = await register(email, password);
      return { userId: user.id };
    },
    'a user with the email has failed to log in five times': async (params) => {
      const { email, password } = params as { email: string; password: string };
      await register(email, password);
      for (let i = 0; i < 5; i++) {
        const response = await fetch(`${baseUrl}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: 'Wrong-Password-1' }) });
        if (response.status !== 401) throw new Error(`failed login ${i + 1} answered ${response.status}`);
      }
    },
    'a deactivated user with the email and password exists': async (params) => {
      const { email, password } = params as { email: string; password: string };
      const user = await register(email, password);
      const admin = await register('state-admin@example.test', 'Keeper-Of-Keys-41', 'admin');
      await deactivateUser(orm.em.fork(), admin, user.id, new Date());
      return { userId: user.id };
    },
    'a user is logged in': async () => {
      await register('logged.in@example.test', 'Logged-In-Pass-1');
      const tokens = await logIn('logged.in@example.test', 'Logged-In-Pass-1');
      accessToken = tokens.accessToken;
      return { refreshToken: tokens.refreshToken };
    },
    'an admin is logged in and another user exists': async () => {
      const admin = await register('admin@example.test', 'Keeper-Of-Keys-42', 'admin');
      accessToken = (await logIn('admin@example.test', 'Keeper-Of-Keys-42')).accessToken;
      const other = await register('someone@example.test', 'Quiet-River-Stone-8');
      return { userId: other.id, adminId: admin.id };
    },
    'a user is logged in and has since been deactivated': async () => {
      const user = await register('logged.in@example.test', 'Logged-In-Pass-1');
      accessToken = (await logIn('logged.in@example.test', 'Logged-In-Pass-1')).accessToken;
      const admin = await register('state-admin@example.test', 'Keeper-Of-Keys-41', 'admin');
      await deactivateUser(orm.em.fork(), admin, user.id, new Date());
    },
    'a user is logged in and has since logged out': async () => {
      await register('logged.in@example.test', 'Logged-In-Pass-1');
      const tokens = await logIn('logged.in@example.test', 'Logged-In-Pass-1');
      await logout(orm.em.fork(), tokens.refreshToken, new Date());
      accessToken = tokens.accessToken;
    },
  },
  requestFilter(req, _res, next) {
    if (req.headers.authorization && accessToken) req.headers.authorization = `Bearer ${accessToken}`;
    next();
  },
});
