/**
 * The portfolio service as main.ts builds it: tokens verified through remoteKeys against a JWKS served on
 * port 0 (not local keys), and the default settings (DEFAULT_PORTFOLIO_SETTINGS, the verified-token cache's).
 */
import test from 'ava';
import { createServedIssuer, createTestApp, createTestTokenIssuer } from '@ledgerline/test-kit';
import { createApp } from './app.ts';
import { portfolioEntities } from './entities.ts';

/** jose refetches a key set at most once a second: a rotated key is looked up after that. */
const cooldown = () => new Promise((resolve) => setTimeout(resolve, 1100));

test('production: tokens are checked against the served JWKS, across a key rotation; an unknown kid and an oversized body are refused', async (t) => {
  const served = await createServedIssuer(t);
  const internal = await createServedIssuer(t); // the transaction service's JWKS, as main.ts reads it
  const { http, clock } = await createTestApp(t, portfolioEntities, ({ orm, logger, clock }) => createApp({ orm, logger, clock: clock.now, keys: served.keys, internalKeys: internal.keys }));
  const before = await served.issuer.token({ now: clock.now() });
  t.is((await http.get('/portfolios').set('authorization', `Bearer ${before}`)).status, 200);
  t.is(served.jwks.fetches, 1);

  const rotated = await served.rotate();
  await cooldown();
  const after = await rotated.token({ now: clock.now() });
  t.is((await http.post('/portfolios').set('authorization', `Bearer ${after}`).send({ name: 'Core', baseCurrency: 'USD' })).status, 201, 'a token of the new key');
  t.is(served.jwks.fetches, 2, 'fetched again for the new kid');
  t.is((await http.get('/portfolios').set('authorization', `Bearer ${before}`)).status, 200, 'the old key is still published');

  const stranger = await (await createTestTokenIssuer()).token({ now: clock.now() });
  t.like((await http.get('/portfolios').set('authorization', `Bearer ${stranger}`)).body, { status: 401, code: 'invalid_token' });

  const oversized = await http.post('/portfolios').set('authorization', `Bearer ${after}`).send({ name: 'Big', baseCurrency: 'USD', description: 'x'.repeat(65 * 1024) });
  t.is(oversized.status, 413, 'the default body limit (64kb: room for a batch of trades)');
});
