/**
 * remoteKeys — the JWKS client every service uses in production — against a real JWKS endpoint on port 0:
 * first fetch, key rotation (a new kid is fetched), an unknown kid, a withdrawn key, a JWKS that does not answer.
 */
import test from 'ava';
import { createServer, type Server } from 'node:http';
import { generateSigningKey, remoteKeys, signAccessToken, toJwks, verifyAccessToken, type JsonWebKeySet } from './index.ts';

const claims = { userId: 'u-1', email: 'ada@example.test', role: 'user' as const, sessionId: 's-1', ttlSeconds: 300, now: new Date() };
/** jose refetches a key set at most once a second (remoteKeys' cooldown): wait it out between fetches. */
const cooldown = () => new Promise((resolve) => setTimeout(resolve, 1100));

/** A JWKS endpoint on port 0 that counts fetches; `publish` swaps the key set (rotation); `hang` stops answering. */
async function jwksEndpoint(t: { teardown(fn: () => unknown): void }, initial: JsonWebKeySet) {
  const state = { jwks: initial, fetches: 0, hang: false };
  const server: Server = createServer((request, response) => {
    if (request.url !== '/.well-known/jwks.json') return void response.writeHead(404).end();
    state.fetches += 1;
    if (state.hang) return;
    response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(state.jwks));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  t.teardown(() => new Promise((done) => {
    server.closeAllConnections();
    server.close(done);
  }));
  const { port } = server.address() as { port: number };
  return { url: `http://127.0.0.1:${port}/.well-known/jwks.json`, state };
}

test('keys are fetched once and reused; a rotated-in key is fetched when a token names it; an unknown kid is refused', async (t) => {
  const first = await generateSigningKey();
  const { url, state } = await jwksEndpoint(t, toJwks([first]));
  const keys = remoteKeys(url);
  for (let i = 0; i < 3; i += 1) t.is((await verifyAccessToken(await signAccessToken(first, claims), keys)).userId, 'u-1');
  t.is(state.fetches, 1, 'one fetch for three verifications');

  const second = await generateSigningKey();
  state.jwks = toJwks([second, first]); // auth rotates: the new key signs, the old one is still published
  await cooldown();
  t.is((await verifyAccessToken(await signAccessToken(second, claims), keys)).userId, 'u-1', 'a token of the new key verifies');
  t.is(state.fetches, 2, 'the new kid made it fetch again');
  t.is((await verifyAccessToken(await signAccessToken(first, claims), keys)).userId, 'u-1', 'the old key still verifies while published');

  const stranger = await generateSigningKey();
  const unknown = await signAccessToken(stranger, claims);
  await cooldown();
  const error = await t.throwsAsync(verifyAccessToken(unknown, keys));
  t.like(error, { status: 401, code: 'invalid_token' }, 'a kid the JWKS does not have');
  t.is(state.fetches, 3, 'it looked once more before refusing');
  await t.throwsAsync(verifyAccessToken(unknown, keys));
  t.is(state.fetches, 3, 'and does not hammer the JWKS for every unknown kid (cooldown)');
});

test('a key withdrawn from the JWKS stops verifying once the cached key set is older than cacheMaxAgeMs', async (t) => {
  const old = await generateSigningKey();
  const { url, state } = await jwksEndpoint(t, toJwks([old]));
  const keys = remoteKeys(url, { cacheMaxAgeMs: 200 });
  const token = await signAccessToken(old, claims);
  t.is((await verifyAccessToken(token, keys)).userId, 'u-1');
  state.jwks = toJwks([await generateSigningKey()]); // the old key is withdrawn (e.g. it leaked)
  await cooldown();
  t.like(await t.throwsAsync(verifyAccessToken(token, keys)), { status: 401, code: 'invalid_token' });
  t.is(state.fetches, 2);
});

test('a JWKS endpoint that does not answer fails the verification after the timeout (no hang)', async (t) => {
  const key = await generateSigningKey();
  const { url, state } = await jwksEndpoint(t, toJwks([key]));
  state.hang = true;
  const error = await t.throwsAsync(verifyAccessToken(await signAccessToken(key, claims), remoteKeys(url, { timeoutMs: 100 })));
  t.like(error, { status: 401, code: 'invalid_token' }, 'refused, not left hanging (the AVA timeout would fail a hang)');
});
