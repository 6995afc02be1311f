import test from 'ava';
import { createAuthTestApp } from './testing.ts';

test('health: live answers; ready checks the database and turns 503 when it is gone', async (t) => {
  const { http, orm } = await createAuthTestApp(t);
  t.is((await http.get('/health/live')).status, 200);
  t.is((await http.get('/health/ready')).status, 200);
  await orm.close(true);
  const ready = await http.get('/health/ready');
  t.is(ready.status, 503);
  t.false(ready.body.checks.database.ok);
});

test('a database failure mid-request is a logged 500 that leaks nothing', async (t) => {
  const { http, orm, registerBody } = await createAuthTestApp(t);
  await orm.close(true);
  const response = await http.post('/auth/register').send(registerBody());
  t.is(response.status, 500);
  t.is(response.body.code, 'internal_error');
  t.false(/sqlite|select|insert|at \//i.test(JSON.stringify(response.body)));
});

test('an unknown route is a problem+json 404 and the request id is echoed', async (t) => {
  const { http } = await createAuthTestApp(t);
  const response = await http.get('/auth/nothing-here').set('x-request-id', 'req-42');
  t.is(response.status, 404);
  t.is(response.type, 'application/problem+json');
  t.is(response.headers['x-request-id'], 'req-42');
  t.is(response.body.requestId, 'req-42');
});
