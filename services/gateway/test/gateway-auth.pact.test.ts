/**
 * Consumer contract: the gateway's AuthClient against the auth service. Drives the real typed client
 * against the Pact mock server; writes contracts/gateway-auth.json.
 */
import test from 'ava';
import { AuthClient, type RegisterRequest } from '@ledgerline/auth-client';
import { consumerPact, Matchers, JSON_TYPE, BEARER, ISO, PROBLEM_TYPE } from '@ledgerline/contract-kit';

const { like, eachLike, regex, uuid, integer, boolean, fromProviderState, string } = Matchers;
const pact = consumerPact('gateway', 'auth');

const USER_ID = '8a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';

const user = (email: string) => ({
  id: uuid(USER_ID),
  email: string(email),
  fullName: string('Contract User'),
  role: regex(/^(user|admin)$/, 'user'),
  active: boolean(true),
  investmentProfile: like({ riskTolerance: 'moderate', horizonYears: integer(10), goals: eachLike('retirement') }),
  createdAt: ISO('2026-03-02T15:30:00.000Z'),
  updatedAt: ISO('2026-03-02T15:30:00.000Z'),
});
const problem = (code: string) => ({ code, title: string('Title'), status: integer(400), detail: string('What went wrong.') });
const tokens = { accessToken: string('eyJhbGciOiJFUzI1NiJ9.e30.sig'), refreshToken: string('r-123'), tokenType: 'Bearer', expiresIn: integer(300) };
const registration: RegisterRequest = {
  email: 'ada@example.test', password: 'Blue-Harbour-Lamp', fullName: 'Contract User',
  investmentProfile: { riskTolerance: 'moderate', horizonYears: 10, goals: ['retirement'] },
};

test.serial('register: a new user is created (201)', async (t) => {
  await pact.addInteraction()
    .given('no user is registered with the email', { email: 'ada@example.test' })
    .uponReceiving('a registration for a new email')
    .withRequest('POST', '/auth/register', (b) => b.jsonBody(registration))
    .willRespondWith(201, (b) => b.headers(JSON_TYPE).jsonBody(user('ada@example.test')))
    .executeTest(async (mock) => {
      const created = await new AuthClient({ baseUrl: mock.url }).register(registration);
      t.is(created.email, 'ada@example.test');
    });
});

test.serial('register: a taken email is a 409 the gateway passes on', async (t) => {
  await pact.addInteraction()
    .given('a user with the email and password exists', { email: 'ada@example.test', password: 'Blue-Harbour-Lamp' })
    .uponReceiving('a registration for an email that is taken')
    .withRequest('POST', '/auth/register', (b) => b.jsonBody(registration))
    .willRespondWith(409, (b) => b.headers(PROBLEM_TYPE).jsonBody({ ...problem('email_taken'), errors: eachLike({ field: 'email', code: string('email_taken'), message: string('Taken.') }) }))
    .executeTest(async (mock) => {
      const error = await t.throwsAsync(new AuthClient({ baseUrl: mock.url }).register(registration));
      t.like(error, { status: 409, code: 'email_taken' });
    });
});

test.serial('register: a weak password is a 422 naming the field', async (t) => {
  await pact.addInteraction()
    .given('no user is registered with the email', { email: 'ada@example.test' })
    .uponReceiving('a registration with a weak password')
    .withRequest('POST', '/auth/register', (b) => b.jsonBody({ ...registration, password: 'short' }))
    .willRespondWith(422, (b) => b.headers(PROBLEM_TYPE).jsonBody({ ...problem('validation_failed'), errors: eachLike({ field: 'password', code: string('password_too_short'), message: string('At least 12 characters') }) }))
    .executeTest(async (mock) => {
      const error = await t.throwsAsync(new AuthClient({ baseUrl: mock.url }).register({ ...registration, password: 'short' }));
      t.like(error, { status: 422, code: 'validation_failed' });
      t.is((error as { errors?: Array<{ field: string }> }).errors?.[0].field, 'password');
    });
});

test.serial('login: right credentials give a Bearer token pair', async (t) => {
  await pact.addInteraction()
    .given('a user with the email and password exists', { email: 'ada@example.test', password: 'Blue-Harbour-Lamp' })
    .uponReceiving('a login with the right password')
    .withRequest('POST', '/auth/login', (b) => b.jsonBody({ email: 'ada@example.test', password: 'Blue-Harbour-Lamp' }))
    .willRespondWith(200, (b) => b.headers(JSON_TYPE).jsonBody(tokens))
    .executeTest(async (mock) => {
      const pair = await new AuthClient({ baseUrl: mock.url }).login({ email: 'ada@example.test', password: 'Blue-Harbour-Lamp' });
      t.is(pair.tokenType, 'Bearer');
    });
});

test.serial('login: a wrong password is a 401 invalid_credentials', async (t) => {
  await pact.addInteraction()
    .given('a user with the email and password exists', { email: 'ada@example.test', password: 'Blue-Harbour-Lamp' })
    .uponReceiving('a login with a wrong password')
    .withRequest('POST', '/auth/login', (b) => b.jsonBody({ email: 'ada@example.test', password: 'Wrong-Password-1' }))
    .willRespondWith(401, (b) => b.headers(PROBLEM_TYPE).jsonBody(problem('invalid_credentials')))
    .executeTest(async (mock) => {
      t.like(await t.throwsAsync(new AuthClient({ baseUrl: mock.url }).login({ email: 'ada@example.test', password: 'Wrong-Password-1' })), { status: 401, code: 'invalid_credentials' });
    });
});

test.serial('login: a deactivated account is a 403 account_inactive', async (t) => {
  await pact.addInteraction()
    .given('a deactivated user with the email and password exists', { email: 'gone@example.test', password: 'Blue-Harbour-Lamp' })
    .uponReceiving('a login to a deactivated account')
    .withRequest('POST', '/auth/login', (b) => b.jsonBody({ email: 'gone@example.test', password: 'Blue-Harbour-Lamp' }))
    .willRespondWith(403, (b) => b.headers(PROBLEM_TYPE).jsonBody(problem('account_inactive')))
    .executeTest(async (mock) => {
      t.like(await t.throwsAsync(new AuthClient({ baseUrl: mock.url }).login({ email: 'gone@example.test', password: 'Blue-Harbour-Lamp' })), { status: 403, code: 'account_inactive' });
    });
});

test.serial('refresh: a live refresh token rotates', async (t) => {
  await pact.addInteraction()
    .given('a user is logged in')
    .uponReceiving('a refresh with a live refresh token')
    .withRequest('POST', '/auth/refresh', (b) => b.jsonBody({ refreshToken: fromProviderState('${refreshToken}', 'r-123') }))
    .willRespondWith(200, (b) => b.headers(JSON_TYPE).jsonBody(tokens))
    .executeTest(async (mock) => {
      t.is((await new AuthClient({ baseUrl: mock.url }).refresh({ refreshToken: 'r-123' })).tokenType, 'Bearer');
    });
});

test.serial('refresh: an unknown refresh token is a 401', async (t) => {
  await pact.addInteraction()
    .given('a user is logged in')
    .uponReceiving('a refresh with an unknown refresh token')
    .withRequest('POST', '/auth/refresh', (b) => b.jsonBody({ refreshToken: 'never-issued' }))
    .willRespondWith(401, (b) => b.headers(PROBLEM_TYPE).jsonBody(problem('invalid_refresh_token')))
    .executeTest(async (mock) => {
      t.like(await t.throwsAsync(new AuthClient({ baseUrl: mock.url }).refresh({ refreshToken: 'never-issued' })), { status: 401, code: 'invalid_refresh_token' });
    });
});

test.serial('logout: ends the session (204)', async (t) => {
  await pact.addInteraction()
    .given('a user is logged in')
    .uponReceiving('a logout')
    .withRequest('POST', '/auth/logout', (b) => b.jsonBody({ refreshToken: fromProviderState('${refreshToken}', 'r-123') }))
    .willRespondWith(204)
    .executeTest(async (mock) => {
      await new AuthClient({ baseUrl: mock.url }).logout({ refreshToken: 'r-123' });
      t.pass();
    });
});

test.serial('me: the logged-in user reads their profile', async (t) => {
  await pact.addInteraction()
    .given('a user is logged in')
    .uponReceiving('a request for the caller’s profile')
    .withRequest('GET', '/auth/me', (b) => b.headers(BEARER))
    .willRespondWith(200, (b) => b.headers(JSON_TYPE).jsonBody(user('logged.in@example.test')))
    .executeTest(async (mock) => {
      t.is((await new AuthClient({ baseUrl: mock.url }).me({ accessToken: 'a.b.c' })).email, 'logged.in@example.test');
    });
});

test.serial('me: without a valid token is a 401', async (t) => {
  await pact.addInteraction()
    .uponReceiving('a request for a profile with an invalid token')
    .withRequest('GET', '/auth/me', (b) => b.headers({ authorization: 'Bearer not-a-token' }))
    .willRespondWith(401, (b) => b.headers(PROBLEM_TYPE).jsonBody(problem('invalid_token')))
    .executeTest(async (mock) => {
      t.like(await t.throwsAsync(new AuthClient({ baseUrl: mock.url }).me({ accessToken: 'not-a-token' })), { status: 401, code: 'invalid_token' });
    });
});

test.serial('updateMe: the profile is updated', async (t) => {
  await pact.addInteraction()
    .given('a user is logged in')
    .uponReceiving('a profile update')
    .withRequest('PATCH', '/auth/me', (b) => b.headers(BEARER).jsonBody({ fullName: 'Ada King', investmentProfile: { horizonYears: 20 } }))
    .willRespondWith(200, (b) => b.headers(JSON_TYPE).jsonBody({ ...user('logged.in@example.test'), fullName: 'Ada King' }))
    .executeTest(async (mock) => {
      const updated = await new AuthClient({ baseUrl: mock.url }).updateMe({ fullName: 'Ada King', investmentProfile: { horizonYears: 20 } }, { accessToken: 'a.b.c' });
      t.is(updated.fullName, 'Ada King');
    });
});

test.serial('deactivate: an admin deactivates another user', async (t) => {
  await pact.addInteraction()
    .given('an admin is logged in and another user exists')
    .uponReceiving('an admin deactivating a user')
    .withRequest('POST', fromProviderState('/auth/users/${userId}/deactivate', `/auth/users/${USER_ID}/deactivate`), (b) => b.headers(BEARER))
    .willRespondWith(200, (b) => b.headers(JSON_TYPE).jsonBody({ ...user('someone@example.test'), active: false }))
    .executeTest(async (mock) => {
      const deactivated = await new AuthClient({ baseUrl: mock.url }).deactivateUser(USER_ID, { accessToken: 'a.b.c' });
      t.false(deactivated.active);
    });
});

test.serial('deactivate: a non-admin is refused with 403', async (t) => {
  await pact.addInteraction()
    .given('a user is logged in')
    .uponReceiving('a non-admin trying to deactivate a user')
    .withRequest('POST', `/auth/users/${USER_ID}/deactivate`, (b) => b.headers(BEARER))
    .willRespondWith(403, (b) => b.headers(PROBLEM_TYPE).jsonBody(problem('admin_only')))
    .executeTest(async (mock) => {
      t.like(await t.throwsAsync(new AuthClient({ baseUrl: mock.url }).deactivateUser(USER_ID, { accessToken: 'a.b.c' })), { status: 403, code: 'admin_only' });
    });
});

test.serial('password policy: the rules are published', async (t) => {
  await pact.addInteraction()
    .uponReceiving('a request for the password rules')
    .withRequest('GET', '/auth/password-policy')
    .willRespondWith(200, (b) => b.headers(JSON_TYPE).jsonBody({ rules: eachLike({ code: string('too_short'), text: string('At least 12 characters') }) }))
    .executeTest(async (mock) => {
      t.true((await new AuthClient({ baseUrl: mock.url }).passwordPolicy()).rules.length > 0);
    });
});

test.serial('jwks: the public keys for local token verification', async (t) => {
  await pact.addInteraction()
    .uponReceiving('a request for the JSON Web Key Set')
    .withRequest('GET', '/.well-known/jwks.json')
    .willRespondWith(200, (b) => b.headers(JSON_TYPE).jsonBody({ keys: eachLike({ kty: 'EC', crv: 'P-256', x: string('x'), y: string('y'), kid: string('k1'), alg: 'ES256', use: 'sig' }) }))
    .executeTest(async (mock) => {
      t.is((await new AuthClient({ baseUrl: mock.url }).jwks()).keys[0].kty, 'EC');
    });
});

// ---- the other refusals the gateway passes on ----------------------------------------------------------------

const auth = (url: string) => new AuthClient({ baseUrl: url });

test.serial('me: a deactivated user’s live token stops working (401 account_inactive)', async (t) => {
  await pact.addInteraction()
    .given('a user is logged in and has since been deactivated')
    .uponReceiving('a request for the profile of a user deactivated since logging in')
    .withRequest('GET', '/auth/me', (b) => b.headers(BEARER))
    .willRespondWith(401, (b) => b.headers(PROBLEM_TYPE).jsonBody(problem('account_inactive')))
    .executeTest(async (mock) => {
      t.like(await t.throwsAsync(auth(mock.url).me({ accessToken: 'a.b.c' })), { status: 401, code: 'account_inactive' });
    });
});

test.serial('me: a token of a session that was logged out stops working (401 session_revoked)', async (t) => {
  await pact.addInteraction()
    .given('a user is logged in and has since logged out')
    .uponReceiving('a request for the profile with the access token of an ended session')
    .withRequest('GET', '/auth/me', (b) => b.headers(BEARER))
    .willRespondWith(401, (b) => b.headers(PROBLEM_TYPE).jsonBody(problem('session_revoked')))
    .executeTest(async (mock) => {
      t.like(await t.throwsAsync(auth(mock.url).me({ accessToken: 'a.b.c' })), { status: 401, code: 'session_revoked' });
    });
});

test.serial('updateMe: an out-of-range horizon is a 422 naming the field', async (t) => {
  const change = { investmentProfile: { horizonYears: 99 } };
  await pact.addInteraction()
    .given('a user is logged in')
    .uponReceiving('a profile update with a horizon out of range')
    .withRequest('PATCH', '/auth/me', (b) => b.headers(BEARER).jsonBody(change))
    .willRespondWith(422, (b) => b.headers(PROBLEM_TYPE).jsonBody({ ...problem('validation_failed'), errors: eachLike({ field: 'investmentProfile.horizonYears', code: string('too_big'), message: string('At most 50.') }) }))
    .executeTest(async (mock) => {
      const error = await t.throwsAsync(auth(mock.url).updateMe(change, { accessToken: 'a.b.c' }));
      t.like(error, { status: 422, code: 'validation_failed' });
    });
});

test.serial('deactivate: an unknown user is a 404', async (t) => {
  await pact.addInteraction()
    .given('an admin is logged in and another user exists')
    .uponReceiving('an admin deactivating a user that does not exist')
    .withRequest('POST', `/auth/users/${USER_ID}/deactivate`, (b) => b.headers(BEARER))
    .willRespondWith(404, (b) => b.headers(PROBLEM_TYPE).jsonBody(problem('not_found')))
    .executeTest(async (mock) => {
      t.like(await t.throwsAsync(auth(mock.url).deactivateUser(USER_ID, { accessToken: 'a.b.c' })), { status: 404, code: 'not_found' });
    });
});

test.serial('deactivate: an admin cannot deactivate themselves (409)', async (t) => {
  await pact.addInteraction()
    .given('an admin is logged in and another user exists')
    .uponReceiving('an admin deactivating their own account')
    .withRequest('POST', fromProviderState('/auth/users/${adminId}/deactivate', `/auth/users/${USER_ID}/deactivate`), (b) => b.headers(BEARER))
    .willRespondWith(409, (b) => b.headers(PROBLEM_TYPE).jsonBody(problem('cannot_deactivate_self')))
    .executeTest(async (mock) => {
      t.like(await t.throwsAsync(auth(mock.url).deactivateUser(USER_ID, { accessToken: 'a.b.c' })), { status: 409, code: 'cannot_deactivate_self' });
    });
});

test.serial('login: after five failed logins the account is locked for a while (429 with Retry-After)', async (t) => {
  await pact.addInteraction()
    .given('a user with the email has failed to log in five times', { email: 'ada@example.test', password: 'Blue-Harbour-Lamp' })
    .uponReceiving('a login to an account locked after failed logins')
    .withRequest('POST', '/auth/login', (b) => b.jsonBody({ email: 'ada@example.test', password: 'Blue-Harbour-Lamp' }))
    .willRespondWith(429, (b) => b.headers({ ...PROBLEM_TYPE, 'Retry-After': regex(/^\d+$/, '60') }).jsonBody(problem('too_many_requests')))
    .executeTest(async (mock) => {
      const error = await t.throwsAsync(auth(mock.url).login({ email: 'ada@example.test', password: 'Blue-Harbour-Lamp' }));
      t.like(error, { status: 429, code: 'too_many_requests' });
      t.regex(String((error as { headers?: Record<string, string> }).headers?.['retry-after']), /^\d+$/);
    });
});
