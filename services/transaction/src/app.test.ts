import test from 'ava';
import { createTransactionTestApp } from './testing.ts';

test('health: live and ready (database answers)', async (t) => {
  const { http } = await createTransactionTestApp(t);
  const live = await http.get('/health/live');
  t.deepEqual(live.body, { status: 'ok' });
  const ready = await http.get('/health/ready');
  t.is(ready.status, 200);
  t.like(ready.body, { status: 'ok', checks: { database: { ok: true } } });
});

test('unknown routes are 404 problems and wrong methods 405', async (t) => {
  const { http, signIn } = await createTransactionTestApp(t);
  const user = await signIn();
  const missing = await http.get('/nowhere');
  t.is(missing.status, 404);
  t.is(missing.body.code, 'route_not_found');
  const wrong = await http.delete('/transactions').set('authorization', user.auth);
  t.is(wrong.status, 405);
  t.is(wrong.body.code, 'method_not_allowed');
});
