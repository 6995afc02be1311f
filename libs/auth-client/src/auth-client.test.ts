import test from 'ava';
import { startFakeUpstream } from '@ledgerline/test-kit';
import { AuthClient } from './index.ts';

const at = '2026-01-01T00:00:00.000Z';
const user = { id: 'u-1', email: 'a@example.test', fullName: 'A', role: 'user', active: true, investmentProfile: { riskTolerance: 'moderate', horizonYears: 5, goals: ['income'] }, createdAt: at, updatedAt: at, nickname: 'unknown fields pass on' };

test('each method calls its auth path and returns the validated body, unknown fields kept', async (t) => {
  const fake = await startFakeUpstream(t);
  fake.on('POST /auth/register', (ctx) => { ctx.status = 201; ctx.body = user; });
  fake.on('POST /auth/login', (ctx) => { ctx.body = { accessToken: 'a', refreshToken: 'r', tokenType: 'Bearer', expiresIn: 300 }; });
  fake.on('GET /auth/me', (ctx) => { ctx.body = user; });
  fake.on('POST /auth/logout', (ctx) => { ctx.status = 204; });
  const client = new AuthClient({ baseUrl: fake.url });
  t.deepEqual(await client.register({ email: 'a@example.test', password: 'p', fullName: 'A', investmentProfile: { riskTolerance: 'moderate', horizonYears: 5, goals: ['income'] } }), user);
  t.is((await client.login({ email: 'a@example.test', password: 'p' })).tokenType, 'Bearer');
  t.is((await client.me({ accessToken: 'tok' })).id, 'u-1');
  await client.logout({ refreshToken: 'r' });
  t.deepEqual(fake.seen.map((s) => `${s.method} ${s.path}`), ['POST /auth/register', 'POST /auth/login', 'GET /auth/me', 'POST /auth/logout']);
  t.is(fake.seen[2].headers.authorization, 'Bearer tok');
});

test('a user body that breaks the public schema (a field missing, a wrong type, an unknown role) is a 502, not passed on', async (t) => {
  const fake = await startFakeUpstream(t);
  const { updatedAt: _updatedAt, ...withoutUpdatedAt } = user;
  const bodies = [{ id: 'u-1' }, withoutUpdatedAt, { ...user, active: 'yes' }, { ...user, role: 'root' }];
  let call = 0;
  fake.on('GET /auth/me', (ctx) => { ctx.body = bodies[call++]; });
  for (let i = 0; i < bodies.length; i++) {
    await t.throwsAsync(new AuthClient({ baseUrl: fake.url }).me({ accessToken: 'tok' }), { message: /Bad gateway/ }, `body ${i}`);
  }
});
