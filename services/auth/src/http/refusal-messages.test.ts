/** Every refusal of the auth service, once per error code, with the message the user reads. */
import test from 'ava';
import { problem, problemOf } from '@ledgerline/test-kit';
import { randomUUID } from 'node:crypto';
import { createAuthTestApp } from '../testing.ts';

test('sign-up, sign-in and session refusals say what happened and what to do', async (t) => {
  const { http, signUp, registerBody } = await createAuthTestApp(t);
  const ada = await signUp();

  const taken = await http.post('/auth/register').send(registerBody({ email: ada.email }));
  t.deepEqual(problemOf(taken), problem(409, 'email_taken', 'An account with this email already exists.'));
  t.deepEqual(taken.body.errors, [{ field: 'email', code: 'email_taken', message: 'This email is already registered.' }]);
  t.deepEqual(problemOf(await http.post('/auth/register').send({ ...registerBody(), fullName: '' })), problem(422, 'validation_failed', 'One or more fields are invalid.'));
  t.deepEqual(problemOf(await http.post('/auth/login').send({ email: ada.email, password: 'Wrong-Password-1' })), problem(401, 'invalid_credentials', 'The email or password is incorrect.'));

  t.deepEqual(problemOf(await http.post('/auth/refresh').send({ refreshToken: 'no-such-token' })), problem(401, 'invalid_refresh_token', 'The refresh token is not valid. Log in again.'));
  const rotated = await http.post('/auth/refresh').send({ refreshToken: ada.refreshToken });
  t.is(rotated.status, 200);
  t.deepEqual(problemOf(await http.post('/auth/refresh').send({ refreshToken: ada.refreshToken })),
    problem(401, 'invalid_refresh_token', 'This refresh token was already used; the session has been revoked. Log in again.'));
  t.deepEqual(problemOf(await http.post('/auth/refresh').send({ refreshToken: rotated.body.refreshToken })), problem(401, 'invalid_refresh_token', 'This session has ended. Log in again.'));
  t.deepEqual(problemOf(await http.get('/auth/me').set('authorization', `Bearer ${rotated.body.accessToken}`)), problem(401, 'session_revoked', 'This session has ended. Log in again.'));
});

test('admin refusals, and a deactivated account at login and with a live token', async (t) => {
  const { http, signUp, signInAdmin } = await createAuthTestApp(t);
  const admin = await signInAdmin();
  const asAdmin = `Bearer ${admin.accessToken}`;
  const eve = await signUp();
  t.deepEqual(problemOf(await http.post(`/auth/users/${admin.id}/deactivate`).set('authorization', `Bearer ${eve.accessToken}`)), problem(403, 'admin_only', 'This action needs the admin role.'));
  t.deepEqual(problemOf(await http.post(`/auth/users/${admin.id}/deactivate`).set('authorization', asAdmin)), problem(409, 'cannot_deactivate_self', 'An admin cannot deactivate their own account.'));
  t.deepEqual(problemOf(await http.post(`/auth/users/${randomUUID()}/deactivate`).set('authorization', asAdmin)), problem(404, 'not_found', 'User was not found.'));
  t.is((await http.post(`/auth/users/${eve.user.id}/deactivate`).set('authorization', asAdmin)).status, 200);
  t.deepEqual(problemOf(await http.post('/auth/login').send({ email: eve.email, password: eve.password })), problem(403, 'account_inactive', 'This account has been deactivated.'));
  t.deepEqual(problemOf(await http.get('/auth/me').set('authorization', `Bearer ${eve.accessToken}`)), problem(401, 'account_inactive', 'This account is no longer active.'));
});

test('protocol refusals (shared by every service): unknown route, wrong method, malformed JSON, wrong media type, oversized body', async (t) => {
  const { http } = await createAuthTestApp(t, { bodyLimit: '1kb' });
  t.deepEqual(problemOf(await http.get('/auth/nope')), problem(404, 'route_not_found', 'No route for GET /auth/nope.'));
  t.deepEqual(problemOf(await http.delete('/auth/me')), problem(405, 'method_not_allowed', 'DELETE is not allowed on /auth/me.'));
  t.deepEqual(problemOf(await http.post('/auth/login').set('content-type', 'application/json').send('{"email":')), problem(400, 'malformed_json', 'The request body is not valid JSON.'));
  t.deepEqual(problemOf(await http.post('/auth/login').set('content-type', 'text/plain').send('email=a')), problem(415, 'unsupported_media_type', 'Send the request body as application/json.'));
  t.deepEqual(problemOf(await http.post('/auth/login').send({ email: 'x'.repeat(2000), password: 'y' })), problem(413, 'payload_too_large', 'The request body is larger than 1kb.'));
});
