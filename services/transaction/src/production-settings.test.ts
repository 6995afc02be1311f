/**
 * The transaction service as main.ts builds it: tokens verified through remoteKeys against a JWKS served on
 * port 0, and the default settings (DEFAULT_TRANSACTION_SETTINGS: clock skew, body limit).
 */
import test from 'ava';
import { randomUUID } from 'node:crypto';
import { generateSigningKey, localKeys, toJwks } from '@ledgerline/auth-tokens';
import { createServedIssuer, createTestApp } from '@ledgerline/test-kit';
import { createApp } from './app.ts';
import { DEFAULT_TRANSACTION_SETTINGS } from './deps.ts';
import { transactionEntities } from './entities.ts';
import { FakePortfolioClient } from './testing.ts';

test('production: tokens are checked against the served JWKS; executedAt may be ahead by the allowed skew, not a millisecond more', async (t) => {
  const served = await createServedIssuer(t);
  const signingKey = await generateSigningKey();
  let now = () => new Date();
  const portfolio = new FakePortfolioClient(localKeys(toJwks([signingKey])), () => now());
  const { http, clock } = await createTestApp(t, transactionEntities, ({ orm, logger, clock }) => createApp({ orm, logger, clock: clock.now, keys: served.keys, signingKey, portfolio }));
  now = clock.now;
  const userId = randomUUID();
  const auth = `Bearer ${await served.issuer.token({ userId, now: clock.now() })}`;
  const portfolioId = portfolio.addPortfolio(userId, '100.00');
  const deposit = (executedAt: Date) => http.post('/transactions').set('authorization', auth).send({ portfolioId, type: 'deposit', amount: '1.00', executedAt: executedAt.toISOString() });

  const skew = DEFAULT_TRANSACTION_SETTINGS.maxClockSkewMs;
  t.is((await deposit(new Date(clock.now().getTime() + skew))).status, 201, 'ahead by exactly the allowed skew');
  const ahead = await deposit(new Date(clock.now().getTime() + skew + 1));
  t.is(ahead.status, 422);
  t.like(ahead.body.errors[0], { field: 'executedAt', code: 'in_future', message: 'Must not be in the future.' });
  t.is(served.jwks.fetches, 1, 'the key set was fetched once');
  t.is(portfolio.appliedCount, 1);

  const big = await http.post('/transactions').set('authorization', auth).send({ portfolioId, type: 'deposit', amount: '1.00', note: 'x'.repeat(17 * 1024) });
  t.is(big.status, 413, 'the default body limit (16kb)');
});
