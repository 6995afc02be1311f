import test from 'ava';
import { createAuthTestApp } from '../testing.ts';

test('a refresh token works once and rotates to a new pair that works', async (t) => {
  const { http, signUp } = await createAuthTestApp(t);
  const { refreshToken } = await signUp();
  const first = await http.post('/auth/refresh').send({ refreshToken });
  t.is(first.status, 200);
  t.not(first.body.refreshToken, refreshToken);
  const me = await http.get('/auth/me').set('authorization', `Bearer ${first.body.accessToken}`);
  t.is(me.status, 200);
  const second = await http.post('/auth/refresh').send({ refreshToken: first.body.refreshToken });
  t.is(second.status, 200);
});

test('reusing a rotated refresh token revokes the whole family: the newest token and access stop working', async (t) => {
  const { http, signUp } = await createAuthTestApp(t);
  const { refreshToken } = await signUp();
  const rotated = (await http.post('/auth/refresh').send({ refreshToken })).body;

  const replay = await http.post('/auth/refresh').send({ refreshToken });
  t.is(replay.status, 401);
  t.is(replay.body.code, 'invalid_refresh_token');
  t.is((await http.post('/auth/refresh').send({ refreshToken: rotated.refreshToken })).status, 401);
  const me = await http.get('/auth/me').set('authorization', `Bearer ${rotated.accessToken}`);
  t.is(me.status, 401);
  t.is(me.body.code, 'session_revoked');
});

test('a refresh token expires after its lifetime', async (t) => {
  const { http, signUp, clock } = await createAuthTestApp(t, { refreshTokenTtlSeconds: 3600 });
  const { refreshToken } = await signUp();
  clock.advance(3600 * 1000 + 1);
  const response = await http.post('/auth/refresh').send({ refreshToken });
  t.is(response.status, 401);
  t.regex(response.body.detail, /expired/);
});

test('logout ends the session: its refresh token and access token stop working; other sessions go on', async (t) => {
  const { http, signUp } = await createAuthTestApp(t);
  const { email, password, accessToken, refreshToken } = await signUp();
  const otherDevice = (await http.post('/auth/login').send({ email, password })).body;

  t.is((await http.post('/auth/logout').send({ refreshToken })).status, 204);
  t.is((await http.post('/auth/refresh').send({ refreshToken })).status, 401);
  t.is((await http.get('/auth/me').set('authorization', `Bearer ${accessToken}`)).status, 401);
  t.is((await http.get('/auth/me').set('authorization', `Bearer ${otherDevice.accessToken}`)).status, 200);
  t.is((await http.post('/auth/logout').send({ refreshToken })).status, 204, 'logging out twice is harmless');
  t.is((await http.post('/auth/logout').send({ refreshToken: 'never-issued' })).status, 204);
});

test('an access token stops working when its lifetime is over', async (t) => {
  const { http, signUp, clock } = await createAuthTestApp(t, { accessTokenTtlSeconds: 300 });
  const { accessToken } = await signUp();
  clock.advance(301_000 + 5_000); // past expiry and the 5 s clock tolerance
  const response = await http.get('/auth/me').set('authorization', `Bearer ${accessToken}`);
  t.is(response.status, 401);
  t.is(response.body.code, 'token_expired');
});
