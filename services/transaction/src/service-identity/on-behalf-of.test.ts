import test from 'ava';
import { generateSigningKey, localKeys, toJwks, TRANSACTION_TO_PORTFOLIO, verifyOnBehalfOfToken } from '@ledgerline/auth-tokens';
import { createTestClock } from '@ledgerline/test-kit';
import { serviceTokens } from './on-behalf-of.ts';

test('a user\'s token is reused for half its lifetime, then a fresh one is signed; each user has their own', async (t) => {
  const key = await generateSigningKey();
  const clock = createTestClock();
  const tokens = serviceTokens(key, clock.now, 60);
  const keys = localKeys(toJwks([key]));
  const first = await tokens('u-1');
  t.is(await tokens('u-1'), first);
  const other = await tokens('u-2');
  t.not(other, first);
  t.is((await verifyOnBehalfOfToken(other, keys, TRANSACTION_TO_PORTFOLIO, clock.now)).userId, 'u-2');
  clock.advance(29_999);
  t.is(await tokens('u-1'), first, 'still more than half its lifetime left');
  clock.advance(1);
  const renewed = await tokens('u-1');
  t.not(renewed, first);
  // the renewed one is valid for 60 s from now; the first one would expire 30 s from now
  t.is((await verifyOnBehalfOfToken(renewed, keys, TRANSACTION_TO_PORTFOLIO, clock.now)).expiresAt.getTime(), Math.floor(clock.now().getTime() / 1000) * 1000 + 60_000);
});

test('a clock that went backwards gets a fresh token, not one signed in its future', async (t) => {
  const key = await generateSigningKey();
  const clock = createTestClock();
  const tokens = serviceTokens(key, clock.now, 60);
  const first = await tokens('u-1');
  clock.advance(-10_000);
  t.not(await tokens('u-1'), first);
});
