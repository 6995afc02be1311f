import test from 'ava';
import type { Context } from 'koa';
import { AppError } from '@ledgerline/http-kit';
import { createVerifiedTokenCache, generateSigningKey, localKeys, requireIdentity, signAccessToken, toJwks, type KeyResolver } from './index.ts';

const issuedAt = new Date('2026-06-01T12:00:00Z');
const claims = { userId: 'u-1', email: 'ada@example.test', role: 'user' as const, sessionId: 's-1', ttlSeconds: 300, now: issuedAt };

/** A key resolver that counts how often a signature had to be checked. */
async function countingKeys() {
  const key = await generateSigningKey();
  const inner = localKeys(toJwks([key]));
  const counter = { checks: 0 };
  const keys: KeyResolver = (header, token) => {
    counter.checks += 1;
    return inner(header, token);
  };
  return { key, keys, counter };
}

/** Runs the middleware once with `Authorization: Bearer <token>` at `at`; returns the identity it set. */
async function authenticate(middleware: ReturnType<typeof requireIdentity>, token: string) {
  const ctx = { state: {} as Record<string, unknown>, get: (name: string) => (name === 'authorization' ? `Bearer ${token}` : '') } as unknown as Context;
  await middleware(ctx, async () => undefined);
  return ctx.state.identity;
}

test('a token verified once is answered from the cache on the next request: the signature is checked once', async (t) => {
  const { key, keys, counter } = await countingKeys();
  let now = new Date('2026-06-01T12:01:00Z');
  const middleware = requireIdentity(keys, () => now);
  const token = await signAccessToken(key, claims);
  const first = await authenticate(middleware, token);
  now = new Date('2026-06-01T12:01:30Z');
  const second = await authenticate(middleware, token);
  t.deepEqual(second, first);
  t.like(second, { userId: 'u-1', role: 'user' });
  t.is(counter.checks, 1);
});

test('a cached token past its expiry is refused as token_expired, not answered from the cache', async (t) => {
  const { key, keys } = await countingKeys();
  let now = new Date('2026-06-01T12:04:00Z');
  const middleware = requireIdentity(keys, () => now);
  const token = await signAccessToken(key, claims); // expires 12:05:00, 5 s tolerance
  await authenticate(middleware, token);
  now = new Date('2026-06-01T12:05:06Z');
  const error = await t.throwsAsync(authenticate(middleware, token), { instanceOf: AppError });
  t.is(error!.code, 'token_expired');
});

test('a tampered copy of a cached token gets the full check and is refused', async (t) => {
  const { key, keys } = await countingKeys();
  const now = new Date('2026-06-01T12:01:00Z');
  const middleware = requireIdentity(keys, () => now);
  const token = await signAccessToken(key, claims);
  await authenticate(middleware, token);
  const [header, payload, signature] = token.split('.');
  const forged = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload, 'base64url').toString()), role: 'admin' })).toString('base64url');
  const error = await t.throwsAsync(authenticate(middleware, `${header}.${forged}.${signature}`), { instanceOf: AppError });
  t.is(error!.code, 'invalid_token');
});

test('a verification is trusted for maxAgeMs at most, then the signature is checked again', async (t) => {
  const { key, keys, counter } = await countingKeys();
  let now = new Date('2026-06-01T12:00:10Z');
  const middleware = requireIdentity(keys, () => now, createVerifiedTokenCache({ maxAgeMs: 60_000 }));
  const token = await signAccessToken(key, claims);
  await authenticate(middleware, token);
  now = new Date('2026-06-01T12:01:09Z');
  await authenticate(middleware, token);
  t.is(counter.checks, 1, 'within a minute: cached');
  now = new Date('2026-06-01T12:01:11Z');
  await authenticate(middleware, token);
  t.is(counter.checks, 2, 'after a minute: checked again');
});

test('the cache is bounded: the oldest token is forgotten first; cache null checks every time', async (t) => {
  const cache = createVerifiedTokenCache({ max: 2 });
  const identity = { userId: 'u', email: 'e@example.test', role: 'user' as const, sessionId: 's', expiresAt: new Date('2026-06-01T12:05:00Z') };
  const now = new Date('2026-06-01T12:00:00Z');
  for (const token of ['a', 'b', 'c']) cache.remember(token, identity, now);
  t.is(cache.size, 2);
  t.is(cache.lookup('a', now), undefined);
  t.deepEqual(cache.lookup('c', now), identity);

  const { key, keys, counter } = await countingKeys();
  const uncached = requireIdentity(keys, () => now, null);
  const token = await signAccessToken(key, claims);
  await authenticate(uncached, token);
  await authenticate(uncached, token);
  t.is(counter.checks, 2);
});
