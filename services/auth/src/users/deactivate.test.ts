import test from 'ava';
import { randomUUID } from 'node:crypto';
import { createAuthTestApp } from '../testing.ts';

test('an admin deactivates a user: login is refused, live tokens stop working, refresh fails', async (t) => {
  const { http, signUp, signInAdmin } = await createAuthTestApp(t);
  const admin = await signInAdmin();
  const target = await signUp();

  const response = await http.post(`/auth/users/${target.user.id}/deactivate`).set('authorization', `Bearer ${admin.accessToken}`);
  t.is(response.status, 200);
  t.false(response.body.active);

  const login = await http.post('/auth/login').send({ email: target.email, password: target.password });
  t.is(login.status, 403);
  t.is(login.body.code, 'account_inactive');
  t.is((await http.get('/auth/me').set('authorization', `Bearer ${target.accessToken}`)).status, 401);
  t.is((await http.post('/auth/refresh').send({ refreshToken: target.refreshToken })).status, 401);
});

test('a plain user cannot deactivate anyone (403), and the target is unaffected', async (t) => {
  const { http, signUp } = await createAuthTestApp(t);
  const attacker = await signUp();
  const victim = await signUp();
  const response = await http.post(`/auth/users/${victim.user.id}/deactivate`).set('authorization', `Bearer ${attacker.accessToken}`);
  t.is(response.status, 403);
  t.is(response.body.code, 'admin_only');
  t.is((await http.post('/auth/login').send({ email: victim.email, password: victim.password })).status, 200);
});

test('deactivating an unknown id is 404, a malformed id 422, and oneself 409', async (t) => {
  const { http, signInAdmin } = await createAuthTestApp(t);
  const admin = await signInAdmin();
  const auth = `Bearer ${admin.accessToken}`;
  t.is((await http.post(`/auth/users/${randomUUID()}/deactivate`).set('authorization', auth)).status, 404);
  const malformed = await http.post('/auth/users/not-a-uuid/deactivate').set('authorization', auth);
  t.is(malformed.status, 422);
  t.is(malformed.body.errors[0].field, 'id');
  const self = await http.post(`/auth/users/${admin.id}/deactivate`).set('authorization', auth);
  t.is(self.status, 409);
  t.is(self.body.code, 'cannot_deactivate_self');
});
