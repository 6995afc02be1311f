import test from 'ava';
import { createAuthTestApp, GOOD_PASSWORD } from '../testing.ts';

test('a registered user logs in and reads their own profile back through the API', async (t) => {
  const { http, registerBody } = await createAuthTestApp(t);
  const body = registerBody({ email: '  Ada.Lovelace@Example.COM ' });

  const created = await http.post('/auth/register').send(body);
  t.is(created.status, 201);
  t.is(created.body.email, 'ada.lovelace@example.com');
  t.is(created.body.role, 'user');
  t.false('passwordHash' in created.body);

  const login = await http.post('/auth/login').send({ email: 'ADA.lovelace@example.com', password: GOOD_PASSWORD });
  t.is(login.status, 200);
  const me = await http.get('/auth/me').set('authorization', `Bearer ${login.body.accessToken}`);
  t.is(me.status, 200);
  t.deepEqual(me.body, created.body);
});

test('an email already registered, in any case or spacing, is a 409 on the email field', async (t) => {
  const { http, registerBody } = await createAuthTestApp(t);
  t.is((await http.post('/auth/register').send(registerBody({ email: 'sam@example.com' }))).status, 201);

  const again = await http.post('/auth/register').send(registerBody({ email: ' SAM@example.com' }));
  t.is(again.status, 409);
  t.is(again.type, 'application/problem+json');
  t.is(again.body.code, 'email_taken');
  t.deepEqual(again.body.errors.map((e: { field: string }) => e.field), ['email']);
});

const weakPasswords: Array<[string, string, string]> = [
  ['shorter than 12 characters', 'Sh0rt-pass', 'password_too_short'],
  ['fewer than three character classes', 'alllowercaseletters', 'password_too_few_classes'],
  ['the email itself', 'Maria.Jones@Example.com', 'password_same_as_email'],
  ['built on the email name', 'Maria.Jones-2026', 'password_same_as_email'],
  ['a common password', 'Password1234', 'password_too_common'],
];
for (const [what, password, code] of weakPasswords) {
  test(`a password that is ${what} is refused with ${code}`, async (t) => {
    const { http, registerBody } = await createAuthTestApp(t);
    const response = await http.post('/auth/register').send(registerBody({ email: 'maria.jones@example.com', password }));
    t.is(response.status, 422);
    t.true(response.body.errors.some((e: { field: string; code: string }) => e.field === 'password' && e.code === code), JSON.stringify(response.body));
    // Nothing was stored: the same email registers fine with a good password.
    t.is((await http.post('/auth/register').send(registerBody({ email: 'maria.jones@example.com' }))).status, 201);
  });
}

const badProfiles: Array<[string, unknown, string]> = [
  ['an unknown risk tolerance', { riskTolerance: 'yolo', horizonYears: 5, goals: ['income'] }, 'investmentProfile.riskTolerance'],
  ['a horizon of 0 years', { riskTolerance: 'moderate', horizonYears: 0, goals: ['income'] }, 'investmentProfile.horizonYears'],
  ['a horizon of 51 years', { riskTolerance: 'moderate', horizonYears: 51, goals: ['income'] }, 'investmentProfile.horizonYears'],
  ['a fractional horizon', { riskTolerance: 'moderate', horizonYears: 2.5, goals: ['income'] }, 'investmentProfile.horizonYears'],
  ['no goals', { riskTolerance: 'moderate', horizonYears: 5, goals: [] }, 'investmentProfile.goals'],
  ['a repeated goal', { riskTolerance: 'moderate', horizonYears: 5, goals: ['income', 'income'] }, 'investmentProfile.goals'],
  ['an unknown goal', { riskTolerance: 'moderate', horizonYears: 5, goals: ['yacht'] }, 'investmentProfile.goals.0'],
];
for (const [what, investmentProfile, field] of badProfiles) {
  test(`an investment profile with ${what} is a 422 naming ${field}`, async (t) => {
    const { http, registerBody } = await createAuthTestApp(t);
    const response = await http.post('/auth/register').send(registerBody({ investmentProfile }));
    t.is(response.status, 422);
    t.deepEqual(response.body.errors.map((e: { field: string }) => e.field), [field]);
  });
}

test('missing fields are each named, and an unknown field is rejected rather than stored', async (t) => {
  const { http } = await createAuthTestApp(t);
  const response = await http.post('/auth/register').send({ email: 'not-an-email', isAdmin: true });
  t.is(response.status, 422);
  const fields = response.body.errors.map((e: { field: string }) => e.field).sort();
  t.deepEqual(fields, ['email', 'fullName', 'investmentProfile', 'isAdmin', 'password']);
  t.is(response.body.errors.find((e: { field: string }) => e.field === 'isAdmin').code, 'unknown_field');
});

test('a body that is not JSON, not declared as JSON, or too large gets 400, 415 and 413', async (t) => {
  const { http, registerBody } = await createAuthTestApp(t);
  const malformed = await http.post('/auth/register').set('content-type', 'application/json').send('{"email": ');
  t.is(malformed.status, 400);
  t.is(malformed.body.code, 'malformed_json');
  const plain = await http.post('/auth/register').set('content-type', 'text/plain').send('email=a');
  t.is(plain.status, 415);
  const huge = await http.post('/auth/register').send(registerBody({ fullName: 'x'.repeat(20_000) }));
  t.is(huge.status, 413);
  t.is(huge.body.code, 'payload_too_large');
});

test('the password rules are published for the UI to show', async (t) => {
  const { http } = await createAuthTestApp(t);
  const response = await http.get('/auth/password-policy');
  t.is(response.status, 200);
  t.true(response.body.rules.some((rule: { text: string }) => rule.text.includes('12 characters')));
});
