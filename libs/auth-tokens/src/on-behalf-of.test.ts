import test, { type ExecutionContext } from 'ava';
import { AppError } from '@ledgerline/http-kit';
import {
  generateSigningKey, localKeys, signAccessToken, signOnBehalfOfToken, toJwks, verifyAccessToken, verifyOnBehalfOfToken, TRANSACTION_TO_PORTFOLIO,
} from './index.ts';

const now = new Date('2026-06-01T12:00:00Z');
const party = TRANSACTION_TO_PORTFOLIO;

async function refused(t: ExecutionContext, promise: Promise<unknown>, code = 'invalid_token') {
  const error = await t.throwsAsync(promise, { instanceOf: AppError });
  t.is(error!.status, 401);
  t.is(error!.code, code);
}

test('an on-behalf-of token verifies against the issuing service\'s keys and names the user', async (t) => {
  const key = await generateSigningKey();
  const token = await signOnBehalfOfToken(key, party, { userId: 'u-1', ttlSeconds: 60, now });
  t.deepEqual(await verifyOnBehalfOfToken(token, localKeys(toJwks([key])), party, () => now), {
    userId: 'u-1', issuer: 'ledgerline-transaction', expiresAt: new Date('2026-06-01T12:01:00Z'),
  });
});

test('another key, another issuer or audience, an expired one, or a user access token is refused', async (t) => {
  const key = await generateSigningKey();
  const keys = localKeys(toJwks([key]));
  const input = { userId: 'u-1', ttlSeconds: 60, now };
  await refused(t, verifyOnBehalfOfToken(await signOnBehalfOfToken(await generateSigningKey(key.kid), party, input), keys, party, () => now));
  await refused(t, verifyOnBehalfOfToken(await signOnBehalfOfToken(key, { ...party, issuer: 'ledgerline-gateway' }, input), keys, party, () => now));
  await refused(t, verifyOnBehalfOfToken(await signOnBehalfOfToken(key, { ...party, audience: 'ledgerline' }, input), keys, party, () => now));
  await refused(t, verifyOnBehalfOfToken(await signOnBehalfOfToken(key, party, input), keys, party, () => new Date('2026-06-01T12:02:00Z')), 'token_expired');
  // even an access token signed with the very same key: wrong type, issuer and audience
  const access = await signAccessToken(key, { userId: 'u-1', email: 'a@example.test', role: 'user', sessionId: 's', ttlSeconds: 300, now });
  await refused(t, verifyOnBehalfOfToken(access, keys, party, () => now));
});

test('an on-behalf-of token is never accepted as an access token', async (t) => {
  const key = await generateSigningKey();
  const token = await signOnBehalfOfToken(key, party, { userId: 'u-1', ttlSeconds: 60, now });
  await refused(t, verifyAccessToken(token, localKeys(toJwks([key])), () => now));
});
