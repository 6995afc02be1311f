/**
 * The auth service on its production settings — DEFAULT_AUTH_SETTINGS, the same object main.ts starts from —
 * instead of the test kit's cheap ones: if the real hash cost, its memory limit or a lifetime were broken,
 * registration and login would fail here, not only in production.
 */
import test from 'ava';
import { ACCESS_TOKEN_TTL_SECONDS, generateSigningKey } from '@ledgerline/auth-tokens';
import { createTestApp, uniqueEmail } from '@ledgerline/test-kit';
import { createApp } from './app.ts';
import { DEFAULT_AUTH_SETTINGS } from './deps.ts';
import { authEntities } from './entities.ts';
import { createPasswordHasher } from './passwords/password-hasher.ts';
import { bootstrapAdmin } from './users/bootstrap-admin.ts';
import { User } from './users/user.entity.ts';

const PASSWORD = 'Blue-Harbour-Lamp';
const SECOND = 1000;

async function productionAuth(t: Parameters<typeof createTestApp>[0]) {
  const signingKey = await generateSigningKey();
  const app = await createTestApp(t, authEntities, ({ orm, logger, clock }) => createApp({ orm, logger, clock: clock.now, signingKeys: [signingKey] }));
  const email = uniqueEmail('prod');
  const registered = await app.http.post('/auth/register').send({
    email, password: PASSWORD, fullName: 'Ada Lovelace', investmentProfile: { riskTolerance: 'moderate', horizonYears: 10, goals: ['retirement'] },
  });
  if (registered.status !== 201) throw new Error(`register: ${registered.status} ${JSON.stringify(registered.body)}`);
  return { ...app, email };
}

test('production: passwords are hashed and verified at the real scrypt cost; tokens and sessions live as documented', async (t) => {
  const { http, orm, clock, email } = await productionAuth(t);
  const stored = await orm.em.fork().findOneOrFail(User, { email });
  const { N, r, p } = DEFAULT_AUTH_SETTINGS.scryptCost;
  t.true(stored.passwordHash.startsWith(`scrypt$${N}$${r}$${p}$`), 'hashed at the production cost');
  t.true(N >= 2 ** 15, 'the production cost is not a test cost');

  const login = await http.post('/auth/login').send({ email, password: PASSWORD });
  t.is(login.status, 200, 'verified at the production cost (the memory limit fits it)');
  t.is(login.body.expiresIn, ACCESS_TOKEN_TTL_SECONDS);
  t.true(ACCESS_TOKEN_TTL_SECONDS <= 300, 'README: access tokens live at most 5 minutes');
  t.is((await http.post('/auth/login').send({ email, password: `${PASSWORD}!` })).status, 401, 'a wrong password fails at the same cost');

  const start = clock.now().getTime();
  const auth = `Bearer ${login.body.accessToken}`;
  clock.set(new Date(start + (ACCESS_TOKEN_TTL_SECONDS - 1) * SECOND));
  t.is((await http.get('/auth/me').set('authorization', auth)).status, 200, 'valid one second before its lifetime ends');
  clock.set(new Date(start + (ACCESS_TOKEN_TTL_SECONDS + 5) * SECOND));
  t.is((await http.get('/auth/me').set('authorization', auth)).body.code, 'token_expired', 'refused once the lifetime (and the clock tolerance) is over');

  const refreshLifetime = DEFAULT_AUTH_SETTINGS.refreshTokenTtlSeconds * SECOND;
  t.is(refreshLifetime, 14 * 24 * 3600 * SECOND, 'README: refresh tokens are valid 14 days');
  clock.set(new Date(start + refreshLifetime - SECOND));
  t.is((await http.post('/auth/refresh').send({ refreshToken: login.body.refreshToken })).status, 200, 'a refresh token works until its last second');
  clock.set(new Date(start));
  const later = await http.post('/auth/login').send({ email, password: PASSWORD });
  clock.set(new Date(start + refreshLifetime));
  const expired = await http.post('/auth/refresh').send({ refreshToken: later.body.refreshToken });
  t.like(expired.body, { status: 401, detail: 'The refresh token has expired. Log in again.' });
});

test('production: the admin bootstrap hashes at the real cost, and that admin can log in', async (t) => {
  const { http, orm, clock } = await productionAuth(t);
  const admin = { email: uniqueEmail('admin'), password: 'Root-Of-Trust-77', fullName: 'Grace Admin' };
  t.is(await bootstrapAdmin(orm, createPasswordHasher(DEFAULT_AUTH_SETTINGS.scryptCost), clock.now(), admin), 'created');
  const login = await http.post('/auth/login').send({ email: admin.email, password: admin.password });
  t.is(login.status, 200);
  const me = await http.get('/auth/me').set('authorization', `Bearer ${login.body.accessToken}`);
  t.is(me.body.role, 'admin');
});

test('production: the fifth failed login in 15 minutes locks the email for what is left of the window, and Retry-After says so', async (t) => {
  const { http, clock, email } = await productionAuth(t);
  const { loginMaxFailures, loginWindowSeconds } = DEFAULT_AUTH_SETTINGS;
  t.deepEqual([loginMaxFailures, loginWindowSeconds], [5, 15 * 60], 'README: 5 failures in 15 minutes');
  const start = clock.now().getTime();
  for (let i = 0; i < loginMaxFailures; i += 1) {
    clock.set(new Date(start + i * 60 * SECOND)); // one failure a minute
    t.is((await http.post('/auth/login').send({ email, password: 'Wrong-Password-1' })).status, 401, `failure ${i + 1}`);
  }
  clock.set(new Date(start + 5 * 60 * SECOND));
  const locked = await http.post('/auth/login').send({ email, password: PASSWORD });
  t.is(locked.status, 429, 'even the right password is refused while locked');
  t.is(locked.headers['retry-after'], String(loginWindowSeconds - 5 * 60), 'the first failure leaves the window in 10 minutes');
  t.is(locked.body.detail, `Too many failed logins for this account. Try again in ${loginWindowSeconds - 5 * 60} s.`);
  clock.set(new Date(start + loginWindowSeconds * SECOND - SECOND));
  t.is((await http.post('/auth/login').send({ email, password: PASSWORD })).headers['retry-after'], '1', 'one second before the window ends');
  clock.set(new Date(start + loginWindowSeconds * SECOND));
  t.is((await http.post('/auth/login').send({ email, password: PASSWORD })).status, 200, 'exactly when Retry-After said');
});
