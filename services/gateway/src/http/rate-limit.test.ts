/**
 * The gateway's per-address limits, from real client addresses: the gateway listens on 127.0.0.1 (port 0)
 * and each simulated client connects from its own loopback address (127.0.0.2, 127.0.0.3).
 */
import test from 'ava';
import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import type Koa from 'koa';
import { createGatewayTestApp } from '../testing.ts';

/** The gateway on 127.0.0.1:0, closed when the test ends; returns a login sender. */
async function listening(t: { teardown(fn: () => unknown): void }, app: Koa) {
  const server = createServer(app.callback());
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  t.teardown(() => new Promise((done) => server.close(done)));
  const { port } = server.address() as AddressInfo;
  /** POSTs a login from `from` (a loopback address); resolves to status and Retry-After. */
  return (from: string, email: string) =>
    new Promise<{ status: number; retryAfter?: string }>((resolve, reject) => {
      const body = JSON.stringify({ email, password: 'x' });
      const req = request({ host: '127.0.0.1', port, localAddress: from, method: 'POST', path: '/api/v1/auth/login', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), connection: 'close' } }, (res) => {
        res.resume();
        res.on('end', () => resolve({ status: res.statusCode ?? 0, retryAfter: res.headers['retry-after'] as string | undefined }));
      });
      req.on('error', reject);
      req.end(body);
    });
}

test('login limits count per address: one address at its limit does not limit another, and a success elsewhere resets nothing', async (t) => {
  const gateway = await createGatewayTestApp(t, { settings: { loginRateLimit: { max: 3, windowMs: 60_000 } } });
  gateway.upstreams.auth.on('POST /auth/login', (ctx) => {
    const ok = (ctx.request.body as { email: string }).email === 'ada@example.test';
    ctx.status = ok ? 200 : 401;
    ctx.body = ok ? { accessToken: 'a', refreshToken: 'r', tokenType: 'Bearer', expiresIn: 300 } : { code: 'invalid_credentials', detail: 'The email or password is incorrect.' };
  });
  const login = await listening(t, gateway.app);
  for (let i = 0; i < 3; i += 1) t.is((await login('127.0.0.2', `eve${i}@example.test`)).status, 401);
  t.is((await login('127.0.0.3', 'ada@example.test')).status, 200, 'another address is not limited');
  t.is((await login('127.0.0.3', 'ada@example.test')).status, 200);
  t.is((await login('127.0.0.2', 'eve@example.test')).status, 429, 'a success from another address did not reset this one');
  t.is((await login('127.0.0.3', 'ada@example.test')).status, 200, 'its third attempt is still within its own limit');
  t.is((await login('127.0.0.3', 'ada@example.test')).status, 429, 'and a success counts too: the limit is on attempts');
});

test('Retry-After is honest: the limited client waits exactly that long, and not a second less', async (t) => {
  const gateway = await createGatewayTestApp(t, { settings: { loginRateLimit: { max: 2, windowMs: 60_000 } } });
  gateway.upstreams.auth.on('POST /auth/login', (ctx) => {
    ctx.status = 401;
    ctx.body = { code: 'invalid_credentials', detail: 'The email or password is incorrect.' };
  });
  const start = gateway.clock.now().getTime();
  const attempt = () => gateway.http.post('/api/v1/auth/login').send({ email: 'eve@example.test', password: 'x' });
  await attempt();
  await attempt();
  gateway.clock.set(new Date(start + 20_500));
  const limited = await attempt();
  t.is(limited.status, 429);
  t.is(limited.body.code, 'too_many_requests');
  t.is(limited.body.detail, 'Too many attempts from this address. Wait and try again.');
  const wait = Number(limited.headers['retry-after']);
  t.is(wait, 40, '39.5 s are left in the window: rounded up, never down');
  gateway.clock.set(new Date(start + 20_500 + (wait - 1) * 1000));
  t.is((await attempt()).status, 429, 'a second early is still limited');
  gateway.clock.set(new Date(start + 20_500 + wait * 1000));
  t.is((await attempt()).status, 401, 'after Retry-After the attempt reaches auth');
});
