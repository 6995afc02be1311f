import test from 'ava';
import { createTestTokenIssuer } from '@ledgerline/test-kit';
import { signAccessToken } from '@ledgerline/auth-tokens';
import { createAuthTestApp } from '../testing.ts';

test('GET /me without a valid bearer token is 401 with a Bearer challenge', async (t) => {
  const { http } = await createAuthTestApp(t);
  const none = await http.get('/auth/me');
  t.is(none.status, 401);
  t.is(none.headers['www-authenticate'], 'Bearer');
  t.is((await http.get('/auth/me').set('authorization', 'Token abc')).status, 401);
  t.is((await http.get('/auth/me').set('authorization', 'Bearer not.a.jwt')).body.code, 'invalid_token');
});

test('a tampered token or one signed by another key is refused', async (t) => {
  const { http, signUp } = await createAuthTestApp(t);
  const { user, accessToken } = await signUp();
  const [header, payload, signature] = accessToken.split('.');
  const asAdmin = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload, 'base64url').toString()), role: 'admin' })).toString('base64url');
  t.is((await http.get('/auth/me').set('authorization', `Bearer ${header}.${asAdmin}.${signature}`)).status, 401);
  const stranger = await createTestTokenIssuer();
  const foreign = await stranger.token({ userId: user.id });
  t.is((await http.get('/auth/me').set('authorization', `Bearer ${foreign}`)).status, 401);
});

test('a token for a user that does not exist (signed with the right key) is refused', async (t) => {
  const { http, signingKey, clock } = await createAuthTestApp(t);
  const token = await signAccessToken(signingKey, { userId: 'ghost', email: 'g@example.test', role: 'admin', sessionId: 's', ttlSeconds: 60, now: clock.now() });
  t.is((await http.get('/auth/me').set('authorization', `Bearer ${token}`)).status, 401);
});

test('PATCH /me updates the name and part of the profile, and GET /me shows it', async (t) => {
  const { http, signUp } = await createAuthTestApp(t);
  const { accessToken } = await signUp();
  const auth = `Bearer ${accessToken}`;
  const patched = await http.patch('/auth/me').set('authorization', auth).send({ fullName: 'Ada King', investmentProfile: { horizonYears: 30 } });
  t.is(patched.status, 200);
  const me = await http.get('/auth/me').set('authorization', auth);
  t.is(me.body.fullName, 'Ada King');
  t.deepEqual(me.body.investmentProfile, { riskTolerance: 'moderate', horizonYears: 30, goals: ['retirement', 'wealth_growth'] });
});

test('PATCH /me refuses an empty update, bad values, and fields that cannot change here', async (t) => {
  const { http, signUp } = await createAuthTestApp(t);
  const { accessToken, email } = await signUp();
  const auth = `Bearer ${accessToken}`;
  t.is((await http.patch('/auth/me').set('authorization', auth).send({})).status, 422);
  const bad = await http.patch('/auth/me').set('authorization', auth).send({ investmentProfile: { riskTolerance: 'reckless' } });
  t.deepEqual(bad.body.errors.map((e: { field: string }) => e.field), ['investmentProfile.riskTolerance']);
  for (const body of [{ email: 'new@example.test' }, { role: 'admin' }, { active: false }]) {
    const response = await http.patch('/auth/me').set('authorization', auth).send(body);
    t.is(response.status, 422);
    t.is(response.body.errors[0].code, 'unknown_field');
  }
  const me = await http.get('/auth/me').set('authorization', auth);
  t.like(me.body, { email, role: 'user', active: true });
});
