import test from 'ava';
import Koa from 'koa';
import { z } from 'zod';
import { AppError } from '@ledgerline/http-kit';
import { startFakeUpstream, type FakeHandler, type Teardown } from '@ledgerline/test-kit';
import { ServiceClient } from './index.ts';

async function fake(t: Teardown, handler: FakeHandler): Promise<string> {
  const upstream = await startFakeUpstream(t);
  for (const route of ['GET /', 'GET /down', 'GET /bug', 'GET /shape', 'GET /text', 'POST /portfolios']) upstream.on(route, handler);
  return upstream.url;
}

test('forwards the bearer token, request id, JSON body and query; returns the parsed body', async (t) => {
  let seen: Record<string, unknown> = {};
  const baseUrl = await fake(t, async (ctx) => {
    seen = { auth: ctx.get('authorization'), rid: ctx.get('x-request-id'), type: ctx.get('content-type'), body: ctx.request.body, q: ctx.query.limit, path: ctx.path };
    ctx.status = 201;
    ctx.body = { id: 'p-1', extra: true };
  });
  const client = new ServiceClient({ service: 'portfolio', baseUrl: `${baseUrl}/` });
  const response = await client.json(z.looseObject({ id: z.string() }), {
    method: 'POST', path: '/portfolios', query: { limit: 5, empty: '' }, body: { name: 'Core' }, ctx: { accessToken: 'tok', requestId: 'rid-1' },
  });
  t.is(response.status, 201);
  t.deepEqual(response.body, { id: 'p-1', extra: true });
  t.deepEqual(seen, { auth: 'Bearer tok', rid: 'rid-1', type: 'application/json', body: { name: 'Core' }, q: '5', path: '/portfolios' });
});

test('a 4xx problem is re-thrown with its status, code, detail, field errors and Retry-After', async (t) => {
  const baseUrl = await fake(t, (ctx) => {
    ctx.status = 429;
    ctx.set('retry-after', '30');
    ctx.type = 'application/problem+json';
    ctx.body = { code: 'too_many_requests', title: 'Too many requests', detail: 'Slow down.', errors: [{ field: 'email', code: 'x', message: 'm' }] };
  });
  const error = await t.throwsAsync(new ServiceClient({ service: 'auth', baseUrl }).send({ method: 'GET', path: '/' }), { instanceOf: AppError });
  t.like(error, { status: 429, code: 'too_many_requests', detail: 'Slow down.' });
  t.deepEqual(error!.errors, [{ field: 'email', code: 'x', message: 'm' }]);
  t.deepEqual(error!.headers, { 'retry-after': '30' });
});

test('a 503 problem from the service passes through; a bare 500 becomes a 502 naming the service', async (t) => {
  const baseUrl = await fake(t, (ctx) => {
    if (ctx.path === '/down') {
      ctx.status = 503;
      ctx.body = { code: 'portfolio_unavailable', detail: 'The portfolio service is unavailable.' };
    } else {
      ctx.status = 500;
      ctx.body = 'oops';
    }
  });
  const client = new ServiceClient({ service: 'transaction', baseUrl });
  t.like(await t.throwsAsync(client.send({ method: 'GET', path: '/down' })), { status: 503, code: 'portfolio_unavailable' });
  t.like(await t.throwsAsync(client.send({ method: 'GET', path: '/bug' })), { status: 502, code: 'transaction_bad_response' });
});

test('connection refused is a 503 and a slow service a 504, both naming the service', async (t) => {
  const refusedPort = await new Promise<number>((resolve) => {
    const server = new Koa().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
  const refused = new ServiceClient({ service: 'portfolio', baseUrl: `http://127.0.0.1:${refusedPort}` });
  t.like(await t.throwsAsync(refused.send({ method: 'GET', path: '/' })), { status: 503, code: 'portfolio_unavailable' });

  const slowUrl = await fake(t, async (ctx) => {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    ctx.body = {};
  });
  const slow = new ServiceClient({ service: 'auth', baseUrl: slowUrl, timeoutMs: 100 });
  t.like(await t.throwsAsync(slow.send({ method: 'GET', path: '/' })), { status: 504, code: 'auth_timeout' });
});

test('the timeout covers the body too: a service that sends its headers and then stalls is a 504', async (t) => {
  const stallingUrl = await fake(t, async (ctx) => {
    ctx.respond = false;
    ctx.res.writeHead(200, { 'content-type': 'application/json' });
    ctx.res.write('{"items":[');
    await new Promise((resolve) => setTimeout(resolve, 1000));
    ctx.res.end(']}');
  });
  const client = new ServiceClient({ service: 'portfolio', baseUrl: stallingUrl, timeoutMs: 100 });
  t.like(await t.throwsAsync(client.send({ method: 'GET', path: '/' })), { status: 504, code: 'portfolio_timeout' });
  t.like(await t.throwsAsync(client.relay({ method: 'GET', path: '/' })), { status: 504, code: 'portfolio_timeout' });
});

test('a finished call leaves no timer armed: answered, refused or timed out', async (t) => {
  const baseUrl = await fake(t, async (ctx) => {
    if (ctx.path === '/bug') await new Promise((resolve) => setTimeout(resolve, 300)); // slow
    ctx.status = ctx.path === '/down' ? 404 : 200;
    ctx.body = ctx.path === '/down' ? { code: 'not_found', title: 'Not found' } : { ok: true };
  });
  // The clients' own deadline timers, told apart by their unusual lengths: a count of the thread's timers would also
  // count those of every other test running beside this one in a shared worker.
  const LONG = 61_237;
  const SHORT = 53;
  const armed = new Set<unknown>();
  const { setTimeout: realSetTimeout, clearTimeout: realClearTimeout } = globalThis;
  globalThis.setTimeout = ((callback: (...args: unknown[]) => void, ms?: number, ...args: unknown[]) => {
    if (ms !== LONG && ms !== SHORT) return realSetTimeout(callback, ms, ...args);
    const timer: unknown = realSetTimeout((...callbackArgs: unknown[]) => {
      armed.delete(timer);
      callback(...callbackArgs);
    }, ms, ...args);
    armed.add(timer);
    return timer;
  }) as typeof setTimeout;
  globalThis.clearTimeout = ((timer?: Parameters<typeof clearTimeout>[0]) => {
    armed.delete(timer);
    realClearTimeout(timer);
  }) as typeof clearTimeout;
  t.teardown(() => {
    globalThis.setTimeout = realSetTimeout;
    globalThis.clearTimeout = realClearTimeout;
  });
  const client = new ServiceClient({ service: 'auth', baseUrl, timeoutMs: LONG });
  const quick = new ServiceClient({ service: 'auth', baseUrl, timeoutMs: SHORT });
  t.teardown(() => Promise.all([client.close(), quick.close()]));
  for (let i = 0; i < 20; i++) await client.send({ method: 'GET', path: '/' });
  t.like(await t.throwsAsync(client.send({ method: 'GET', path: '/down' })), { status: 404 });
  t.like(await t.throwsAsync(quick.send({ method: 'GET', path: '/bug' })), { status: 504 });
  t.is(armed.size, 0, `${armed.size} timers left armed by 22 finished calls`);
});

test('a 200 of the wrong shape, or not JSON, is a 502', async (t) => {
  const baseUrl = await fake(t, (ctx) => {
    ctx.type = ctx.path === '/text' ? 'text/plain' : 'application/json';
    ctx.body = ctx.path === '/text' ? 'hello' : { nope: 1 };
  });
  const client = new ServiceClient({ service: 'auth', baseUrl });
  t.like(await t.throwsAsync(client.json(z.object({ id: z.string() }), { method: 'GET', path: '/shape' })), { status: 502, code: 'auth_bad_response' });
  t.like(await t.throwsAsync(client.send({ method: 'GET', path: '/text' })), { status: 502 });
});

test('relay hands back a 2xx JSON body as the exact text sent; a refusal is mapped as by send; a 2xx that is not JSON is a 502', async (t) => {
  const sent = '{"items":[{"symbol":"AAPL","quantity":"1.50"}],  "nextCursor":null}';
  const baseUrl = await fake(t, (ctx) => {
    if (ctx.path === '/text') {
      ctx.type = 'text/plain';
      ctx.body = 'hello';
    } else if (ctx.path === '/down') {
      ctx.status = 404;
      ctx.body = { code: 'portfolio_not_found', title: 'Not found', detail: 'No such portfolio.' };
    } else {
      ctx.type = 'application/json';
      ctx.body = sent;
    }
  });
  const client = new ServiceClient({ service: 'portfolio', baseUrl });
  const relayed = await client.relay({ method: 'GET', path: '/' });
  t.is(relayed.status, 200);
  t.is(relayed.body, sent);
  t.like(await t.throwsAsync(client.relay({ method: 'GET', path: '/down' })), { status: 404, code: 'portfolio_not_found', detail: 'No such portfolio.' });
  t.like(await t.throwsAsync(client.relay({ method: 'GET', path: '/text' })), { status: 502, code: 'portfolio_bad_response' });
});
