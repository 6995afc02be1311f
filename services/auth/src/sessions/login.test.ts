import test from 'ava';
import { localKeys, verifyAccessToken } from '@ledgerline/auth-tokens';
import { createAuthTestApp } from '../testing.ts';

test('login returns a Bearer pair whose access token verifies against the published JWKS', async (t) => {
  const { http, signUp, clock } = await createAuthTestApp(t, { accessTokenTtlSeconds: 120 });
  const { user, email, password } = await signUp();
  const response = await http.post('/auth/login').send({ email, password });
  t.is(response.status, 200);
  t.is(response.body.tokenType, 'Bearer');
  t.is(response.body.expiresIn, 120);
  t.is(response.headers['cache-control'], 'no-store');
  const jwks = (await http.get('/.well-known/jwks.json')).body;
  const identity = await verifyAccessToken(response.body.accessToken, localKeys(jwks), clock.now);
  t.is(identity.userId, user.id);
  t.is(identity.role, 'user');
  t.is(identity.expiresAt.getTime() - clock.now().getTime(), 120_000);
  t.false(JSON.stringify(jwks).includes('"d"'), 'no private key material is published');
});

test('a wrong password and an unknown email get the very same 401', async (t) => {
  const { http, signUp } = await createAuthTestApp(t);
  const { email } = await signUp();
  const wrong = await http.post('/auth/login').send({ email, password: 'Not-The-Password-1' });
  const unknown = await http.post('/auth/login').send({ email: 'nobody@example.test', password: 'Not-The-Password-1' });
  t.is(wrong.status, 401);
  t.is(unknown.status, 401);
  const strip = (body: Record<string, unknown>) => ({ ...body, requestId: undefined });
  t.deepEqual(strip(wrong.body), strip(unknown.body));
  t.is(wrong.body.code, 'invalid_credentials');
});

test('after five failures the account is locked (429 + Retry-After) even for the right password, until the window passes', async (t) => {
  const { http, signUp, clock } = await createAuthTestApp(t, { loginMaxFailures: 5, loginWindowSeconds: 900 });
  const { email, password } = await signUp();
  for (let attempt = 0; attempt < 5; attempt += 1) {
    t.is((await http.post('/auth/login').send({ email, password: 'Wrong-Password-99' })).status, 401);
  }
  const locked = await http.post('/auth/login').send({ email: email.toUpperCase(), password });
  t.is(locked.status, 429);
  t.is(locked.headers['retry-after'], '900');
  clock.advance(900_001);
  t.is((await http.post('/auth/login').send({ email, password })).status, 200);
});

test('unknown emails are throttled the same way, so a lockout reveals nothing', async (t) => {
  const { http } = await createAuthTestApp(t, { loginMaxFailures: 2 });
  for (let attempt = 0; attempt < 2; attempt += 1) {
    t.is((await http.post('/auth/login').send({ email: 'ghost@example.test', password: 'Whatever-123x' })).status, 401);
  }
  t.is((await http.post('/auth/login').send({ email: 'ghost@example.test', password: 'Whatever-123x' })).status, 429);
});

test('a successful login resets only its own account\'s count, never another\'s', async (t) => {
  const { http, signUp } = await createAuthTestApp(t, { loginMaxFailures: 3 });
  const ada = await signUp();
  const eve = await signUp();
  for (let attempt = 0; attempt < 2; attempt += 1) {
    t.is((await http.post('/auth/login').send({ email: eve.email, password: 'Wrong-Password-99' })).status, 401);
  }
  t.is((await http.post('/auth/login').send({ email: ada.email, password: ada.password })).status, 200, 'someone else logs in');
  t.is((await http.post('/auth/login').send({ email: eve.email, password: 'Wrong-Password-99' })).status, 401, 'the third failure');
  const locked = await http.post('/auth/login').send({ email: eve.email, password: eve.password });
  t.is(locked.status, 429, 'still counted: the other account\'s success reset nothing here');
  t.is(locked.body.code, 'too_many_requests');
});

test('login input is validated: missing fields are 422 with the field named', async (t) => {
  const { http } = await createAuthTestApp(t);
  const response = await http.post('/auth/login').send({ email: '' });
  t.is(response.status, 422);
  t.deepEqual(response.body.errors.map((e: { field: string }) => e.field).sort(), ['email', 'password']);
});
