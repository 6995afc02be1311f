import { randomUUID } from 'node:crypto';
import type { Em } from '@ledgerline/db-kit';
import { AppError, forbidden, tooManyRequests } from '@ledgerline/http-kit';
import type { PasswordHasher } from '../passwords/password-hasher.ts';
import { normaliseEmail } from '../users/email.ts';
import { userRepository } from '../users/user.repository.ts';
import { newRefreshToken, tokenPair, type TokenPair, type TokenSettings } from './issue-tokens.ts';
import type { LoginThrottle } from './login-throttle.ts';
import { openSession } from './session.repository.ts';

// Verified against when the email is unknown, so both failures take the same time.
const DUMMY_HASH = 'scrypt$1024$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';

export const invalidCredentials = () =>
  new AppError(401, 'invalid_credentials', 'Unauthorized', { detail: 'The email or password is incorrect.' });

export interface LoginDeps {
  hasher: PasswordHasher;
  throttle: LoginThrottle;
  tokens: TokenSettings;
  now: Date;
}

/**
 * Checks the throttle, then the credentials (one message for unknown email and wrong password),
 * then that the account is active; opens a session and issues its first token pair.
 */
export async function login(em: Em, deps: LoginDeps, input: { email: string; password: string }): Promise<TokenPair> {
  const email = normaliseEmail(input.email);
  const wait = deps.throttle.retryAfterSeconds(email);
  if (wait > 0) throw tooManyRequests(`Too many failed logins for this account. Try again in ${wait} s.`, wait);
  const user = await userRepository(em).credentialsByEmail(email);
  const valid = await deps.hasher.verify(input.password, user?.passwordHash ?? DUMMY_HASH);
  if (!user || !valid) {
    deps.throttle.recordFailure(email);
    throw invalidCredentials();
  }
  deps.throttle.reset(email);
  if (!user.active) throw forbidden('This account has been deactivated.', 'account_inactive');
  // The session and its first refresh token by prepared statements: a login's reads and writes are its hot path.
  const sessionId = randomUUID();
  const refresh = newRefreshToken(sessionId, deps.tokens, deps.now);
  const pair = await tokenPair(user, sessionId, refresh.value, deps.tokens, deps.now);
  await openSession(em, { id: sessionId, userId: user.id, createdAt: deps.now }, refresh.row);
  return pair;
}
