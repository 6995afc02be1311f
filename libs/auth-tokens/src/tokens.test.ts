import test from 'ava';
import { SignJWT } from 'jose';
import { AppError } from '@ledgerline/http-kit';
import { bearerToken, generateSigningKey, localKeys, signAccessToken, toJwks, verifyAccessToken, exportPrivateJwk, importSigningKey } from './index.ts';

const now = new Date('2026-06-01T12:00:00Z');
const claims = { userId: 'u-1', email: 'ada@example.test', role: 'user' as const, sessionId: 's-1', ttlSeconds: 300, now };

test('a signed token verifies against the JWKS and yields the identity', async (t) => {
  const key = await generateSigningKey();
  const token = await signAccessToken(key, claims);
  const identity = await verifyAccessToken(token, localKeys(toJwks([key])), () => now);
  t.deepEqual(identity, { userId: 'u-1', email: 'ada@example.test', role: 'user', sessionId: 's-1', expiresAt: new Date('2026-06-01T12:05:00Z') });
});

test('an expired token is a 401 token_expired', async (t) => {
  const key = await generateSigningKey();
  const token = await signAccessToken(key, claims);
  const error = await t.throwsAsync(verifyAccessToken(token, localKeys(toJwks([key])), () => new Date('2026-06-01T12:06:00Z')), { instanceOf: AppError });
  t.is(error!.status, 401);
  t.is(error!.code, 'token_expired');
});

test('a tampered payload, a foreign key, or another audience is a 401 invalid_token', async (t) => {
  const key = await generateSigningKey();
  const other = await generateSigningKey(key.kid); // same kid, different key: signature must still fail
  const keys = localKeys(toJwks([key]));
  const token = await signAccessToken(key, claims);
  const [header, payload, signature] = token.split('.');
  const forgedPayload = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload, 'base64url').toString()), role: 'admin' })).toString('base64url');
  const candidates = [
    `${header}.${forgedPayload}.${signature}`,
    await signAccessToken(other, claims),
    await new SignJWT({ email: 'x', role: 'user', sid: 's' }).setProtectedHeader({ alg: 'ES256', kid: key.kid, typ: 'at+jwt' })
      .setIssuer('ledgerline-auth').setAudience('someone-else').setSubject('u').setIssuedAt(now).setExpirationTime('5m').sign(key.privateKey),
    await new SignJWT({ email: 'x', role: 'root', sid: 's' }).setProtectedHeader({ alg: 'ES256', kid: key.kid, typ: 'at+jwt' })
      .setIssuer('ledgerline-auth').setAudience('ledgerline').setSubject('u').setIssuedAt(now).setExpirationTime(new Date(now.getTime() + 60_000)).sign(key.privateKey),
  ];
  for (const candidate of candidates) {
    const error = await t.throwsAsync(verifyAccessToken(candidate, keys, () => now));
    t.is((error as AppError).status, 401);
    t.is((error as AppError).code, 'invalid_token');
  }
});

test('only "Bearer <token>" is accepted as the authorization header', (t) => {
  t.is(bearerToken('Bearer abc.def.ghi'), 'abc.def.ghi');
  for (const header of [undefined, '', 'Basic dXNlcjpwYXNz', 'Bearer', 'bearer abc', 'Bearer a b']) {
    t.throws(() => bearerToken(header), { instanceOf: AppError }, String(header));
  }
});

test('a signing key survives export and import (AUTH_SIGNING_JWK)', async (t) => {
  const key = await generateSigningKey();
  const imported = await importSigningKey(await exportPrivateJwk(key));
  const token = await signAccessToken(imported, claims);
  t.is((await verifyAccessToken(token, localKeys(toJwks([key])), () => now)).userId, 'u-1');
  t.false('d' in imported.publicJwk, 'the public JWK carries no private part');
});
