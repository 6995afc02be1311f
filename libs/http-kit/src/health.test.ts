import test from 'ava';
import Koa from 'koa';
import supertest from 'supertest';
import { healthRoutes } from './index.ts';

test('live is always ok; ready is 503 naming the check that fails', async (t) => {
  let dbUp = true;
  const app = new Koa();
  app.use(healthRoutes({ database: async () => (dbUp ? { ok: true } : { ok: false, reason: 'closed' }) }));
  const http = supertest(app.callback());
  t.is((await http.get('/health/live')).status, 200);
  t.is((await http.get('/health/ready')).status, 200);
  dbUp = false;
  const down = await http.get('/health/ready');
  t.is(down.status, 503);
  t.deepEqual(down.body.checks.database, { ok: false, reason: 'closed' });
});
