import test from 'ava';
import Router from '@koa/router';
import supertest from 'supertest';
import { z } from 'zod';
import { AppError, conflict, createBaseApp, createLogger, validate } from './index.ts';

function appWith(routes: (router: Router) => void, logged: unknown[] = []) {
  const logger = createLogger({ name: 'test', level: 'error' }, );
  logger.error = ((obj: unknown) => logged.push(obj)) as typeof logger.error;
  const app = createBaseApp({ logger, bodyLimit: '1kb' });
  const router = new Router();
  routes(router);
  app.use(router.routes()).use(router.allowedMethods());
  return supertest(app.callback());
}

test('a typed AppError becomes problem+json with its status, code, detail and headers', async (t) => {
  const http = appWith((r) => r.get('/x', () => {
    throw conflict('already_there', 'It is already there.', [{ field: 'name', code: 'taken', message: 'Taken.' }]);
  }));
  const response = await http.get('/x');
  t.is(response.status, 409);
  t.is(response.type, 'application/problem+json');
  t.like(response.body, { status: 409, code: 'already_there', detail: 'It is already there.', title: 'Conflict', instance: '/x' });
  t.is(response.body.type, 'https://ledgerline.dev/problems/already_there');
  t.deepEqual(response.body.errors, [{ field: 'name', code: 'taken', message: 'Taken.' }]);
  t.is(response.body.requestId, response.headers['x-request-id']);
});

test('an unexpected error is a 500 with no message or stack leaked, and it is logged', async (t) => {
  const logged: unknown[] = [];
  const http = appWith((r) => r.get('/boom', () => {
    throw new Error('secret connection string postgres://u:p@h');
  }), logged);
  const response = await http.get('/boom');
  t.is(response.status, 500);
  t.is(response.body.code, 'internal_error');
  t.false(JSON.stringify(response.body).includes('secret'));
  t.false(JSON.stringify(response.body).includes('at '));
  t.is(logged.length, 1);
});

test('validation failures name every field at fault, including unknown ones', async (t) => {
  const schema = z.strictObject({ name: z.string().min(1), nested: z.strictObject({ count: z.number().int() }) });
  const http = appWith((r) => r.post('/v', (ctx) => {
    ctx.body = validate(schema, ctx.request.body);
  }));
  const response = await http.post('/v').send({ name: '', nested: { count: 1.5 }, extra: true });
  t.is(response.status, 422);
  t.deepEqual(response.body.errors.map((e: { field: string }) => e.field).sort(), ['extra', 'name', 'nested.count']);
  t.is((await http.post('/v').send({ name: 'ok', nested: { count: 2 } })).status, 200);
});

test('unknown routes are 404 and wrong methods 405, both as problems', async (t) => {
  const http = appWith((r) => r.get('/only-get', (ctx) => {
    ctx.body = { ok: true };
  }));
  const missing = await http.get('/nope');
  t.is(missing.status, 404);
  t.is(missing.body.code, 'route_not_found');
  const wrong = await http.delete('/only-get');
  t.is(wrong.status, 405);
  t.is(wrong.type, 'application/problem+json');
});

test('a well-formed incoming request id is kept; a forged or missing one is replaced', async (t) => {
  const http = appWith((r) => r.get('/id', (ctx) => {
    ctx.body = { id: ctx.state.requestId };
  }));
  t.is((await http.get('/id').set('x-request-id', 'abc-123')).body.id, 'abc-123');
  const replaced = await http.get('/id').set('x-request-id', 'bad id with spaces and $igns');
  t.regex(replaced.body.id, /^[0-9a-f-]{36}$/);
  t.regex((await http.get('/id')).headers['x-request-id'], /^[0-9a-f-]{36}$/);
});

test('bodies: malformed JSON 400, wrong media type 415, over the limit 413 — the route never runs', async (t) => {
  let ran = 0;
  const http = appWith((r) => r.post('/b', (ctx) => {
    ran += 1;
    ctx.body = {};
  }));
  t.is((await http.post('/b').set('content-type', 'application/json').send('{nope')).body.code, 'malformed_json');
  t.is((await http.post('/b').set('content-type', 'text/csv').send('a,b')).status, 415);
  t.is((await http.post('/b').send({ big: 'x'.repeat(2000) })).status, 413);
  t.is(ran, 0);
});

test('AppError marks 4xx as exposable and 5xx as not', (t) => {
  t.true(new AppError(404, 'not_found', 'Not found').expose);
  t.false(new AppError(503, 'down', 'Service unavailable').expose);
});
