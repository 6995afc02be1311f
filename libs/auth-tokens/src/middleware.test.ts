import test from 'ava';
import type { Context } from 'koa';
import { SignJWT } from 'jose';
import { AppError } from '@ledgerline/http-kit';
import {
  ACCESS_TOKEN_TTL_SECONDS, CLOCK_TOLERANCE_SECONDS, createVerifiedTokenCache, generateSigningKey, localKeys, requireAdminRole, requireIdentity,
  signAccessToken, toJwks, verifyAccessToken, type Identity,
} from './index.ts';

const issuedAt = new Date('2026-06-01T12:00:00Z');
const claims = (role: 'user' | 'admin' = 'user') => ({ userId: 'u-1', email: 'ada@example.test', role, sessionId: 's-1', ttlSeconds: ACCESS_TOKEN_TTL_SECONDS, now: issuedAt });
const at = (ms: number) => new Date(issuedAt.getTime() + ms);
const expiry = ACCESS_TOKEN_TTL_SECONDS * 1000;
const tolerance = CLOCK_TOLERANCE_SECONDS * 1000;

function context(authorization?: string, identity?: Identity) {
  return { state: identity ? { identity } : {}, get: (name: string) => (name === 'authorization' ? (authorization ?? '') : '') } as unknown as Context;
}

async function refusal(promise: Promise<unknown>) {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return { status: error.status, code: error.code, detail: error.detail };
}

test('an admin token verifies with the admin role, and requireAdminRole lets exactly that role through', async (t) => {
  const key = await generateSigningKey();
  const keys = localKeys(toJwks([key]));
  const admin = await verifyAccessToken(await signAccessToken(key, claims('admin')), keys, () => issuedAt);
  t.is(admin.role, 'admin');
  let reached = 0;
  await requireAdminRole(context(undefined, admin), async () => {
    reached += 1;
  });
  t.is(reached, 1, 'an admin reaches the route');
  const user = await verifyAccessToken(await signAccessToken(key, claims('user')), keys, () => issuedAt);
  for (const [name, identity] of [['a plain user', user], ['no identity at all', undefined]] as const) {
    t.deepEqual(await refusal(requireAdminRole(context(undefined, identity), async () => {
      reached += 1;
    })), { status: 403, code: 'admin_only', detail: 'This action needs the admin role.' }, name);
  }
  t.is(reached, 1, 'nobody else reaches it');
});

test('every token refusal says what is wrong, once per code', async (t) => {
  const key = await generateSigningKey();
  const keys = localKeys(toJwks([key]));
  const token = await signAccessToken(key, claims());
  t.deepEqual(await refusal(requireIdentity(keys, () => issuedAt)(context(), async () => undefined)), {
    status: 401, code: 'unauthorized', detail: 'Send the access token as "Authorization: Bearer <token>".',
  });
  t.deepEqual(await refusal(verifyAccessToken(token, keys, () => at(expiry + tolerance + 1000))), { status: 401, code: 'token_expired', detail: 'The access token has expired.' });
  t.deepEqual(await refusal(verifyAccessToken(`${token}x`, keys, () => issuedAt)), { status: 401, code: 'invalid_token', detail: 'The access token is not valid.' });
  const noSession = await new SignJWT({ email: 'a@example.test', role: 'user' }).setProtectedHeader({ alg: 'ES256', kid: key.kid, typ: 'at+jwt' })
    .setIssuer('ledgerline-auth').setAudience('ledgerline').setSubject('u-1').setIssuedAt(issuedAt).setExpirationTime(at(60_000)).sign(key.privateKey);
  t.deepEqual(await refusal(verifyAccessToken(noSession, keys, () => issuedAt)), { status: 401, code: 'invalid_token', detail: 'The access token is missing required claims.' });
});

test('each required claim is required: a token without it, or with another type, is refused', async (t) => {
  const key = await generateSigningKey();
  const keys = localKeys(toJwks([key]));
  const full = { email: 'a@example.test', role: 'user', sid: 's-1' } as Record<string, unknown>;
  const variants: Array<[string, Record<string, unknown>, string | undefined]> = [
    ['no email', { ...full, email: undefined }, 'u-1'],
    ['email not a string', { ...full, email: 7 }, 'u-1'],
    ['no role', { ...full, role: undefined }, 'u-1'],
    ['an unknown role', { ...full, role: 'root' }, 'u-1'],
    ['no session id', { ...full, sid: undefined }, 'u-1'],
    ['no subject', full, undefined],
  ];
  for (const [name, payload, subject] of variants) {
    const jwt = new SignJWT(payload).setProtectedHeader({ alg: 'ES256', kid: key.kid, typ: 'at+jwt' })
      .setIssuer('ledgerline-auth').setAudience('ledgerline').setIssuedAt(issuedAt).setExpirationTime(at(60_000));
    if (subject) jwt.setSubject(subject);
    t.like(await refusal(verifyAccessToken(await jwt.sign(key.privateKey), keys, () => issuedAt)), { status: 401, code: 'invalid_token' }, name);
  }
  const noExpiry = await new SignJWT(full).setProtectedHeader({ alg: 'ES256', kid: key.kid, typ: 'at+jwt' })
    .setIssuer('ledgerline-auth').setAudience('ledgerline').setSubject('u-1').setIssuedAt(issuedAt).sign(key.privateKey);
  t.like(await refusal(verifyAccessToken(noExpiry, keys, () => issuedAt)), { code: 'invalid_token' }, 'a token that never expires');
  const wrongType = await new SignJWT(full).setProtectedHeader({ alg: 'ES256', kid: key.kid, typ: 'JWT' })
    .setIssuer('ledgerline-auth').setAudience('ledgerline').setSubject('u-1').setIssuedAt(issuedAt).setExpirationTime(at(60_000)).sign(key.privateKey);
  t.like(await refusal(verifyAccessToken(wrongType, keys, () => issuedAt)), { code: 'invalid_token' }, 'a JWT that is not an access token (typ)');
});

test('expiry and not-before are exact to the clock tolerance, in the verification and in the cache alike', async (t) => {
  const key = await generateSigningKey();
  const keys = localKeys(toJwks([key]));
  const token = await signAccessToken(key, claims());
  t.is((await verifyAccessToken(token, keys, () => at(expiry + tolerance - 1))).userId, 'u-1', 'until exp + tolerance: still valid');
  t.like(await refusal(verifyAccessToken(token, keys, () => at(expiry + tolerance))), { code: 'token_expired' }, 'at exp + tolerance: expired');

  const identity = await verifyAccessToken(token, keys, () => issuedAt);
  const cache = createVerifiedTokenCache();
  cache.remember(token, identity, at(expiry - 1000));
  t.deepEqual(cache.lookup(token, at(expiry + tolerance - 1)), identity, 'the cache answers until exp + tolerance');
  t.is(cache.lookup(token, at(expiry + tolerance)), undefined, 'and not at the instant the verification would refuse');
  t.is(cache.size, 0, 'the expired entry is dropped');

  const early = await new SignJWT({ email: 'a@example.test', role: 'user', sid: 's' }).setProtectedHeader({ alg: 'ES256', kid: key.kid, typ: 'at+jwt' })
    .setIssuer('ledgerline-auth').setAudience('ledgerline').setSubject('u').setIssuedAt(issuedAt).setNotBefore(at(60_000)).setExpirationTime(at(360_000)).sign(key.privateKey);
  t.like(await refusal(verifyAccessToken(early, keys, () => at(60_000 - tolerance - 1000))), { code: 'invalid_token' }, 'before nbf − tolerance');
  t.is((await verifyAccessToken(early, keys, () => at(60_000 - tolerance))).userId, 'u', 'from nbf − tolerance');
});

test('the production cache (defaults): trusted for 60 s from the verification, never before it, at most 10,000 tokens', async (t) => {
  const identity = { userId: 'u', email: 'e@example.test', role: 'user' as const, sessionId: 's', expiresAt: at(expiry) };
  const cache = createVerifiedTokenCache();
  cache.remember('t', identity, issuedAt);
  t.deepEqual(cache.lookup('t', at(60_000)), identity, 'exactly 60 s after the verification');
  t.is(cache.lookup('t', at(60_001)), undefined, 'a millisecond later: verify again');
  cache.remember('t', identity, at(10_000));
  t.is(cache.lookup('t', at(9_999)), undefined, 'a clock that went back never reads a verification "from the future"');
  const big = createVerifiedTokenCache();
  for (let i = 0; i <= 10_000; i += 1) big.remember(`t${i}`, identity, issuedAt);
  t.is(big.size, 10_000);
  t.is(big.lookup('t0', issuedAt), undefined, 'the oldest went first');
  t.deepEqual(big.lookup('t1', issuedAt), identity);
  big.remember('t1', identity, issuedAt); // remembered again: now the newest
  big.remember('t-new', identity, issuedAt);
  t.deepEqual(big.lookup('t1', issuedAt), identity, 'a re-verified token is kept over older ones');
  t.is(big.lookup('t2', issuedAt), undefined);
});
