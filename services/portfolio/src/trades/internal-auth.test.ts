/**
 * Who may call the internal API (/internal/*): only the transaction service, with a short-lived on-behalf-of token
 * signed by its own key (iss ledgerline-transaction, aud ledgerline-portfolio-internal, sub = the user), and only for
 * the user's own portfolios. Every refusal is proved on both internal routes and must leave the portfolio unchanged.
 */
import test, { type ExecutionContext } from 'ava';
import { randomUUID } from 'node:crypto';
import { generateSigningKey, signOnBehalfOfToken, TRANSACTION_TO_PORTFOLIO } from '@ledgerline/auth-tokens';
import { createPortfolioTestApp, type PortfolioTestApp } from '../testing.ts';

/** A funded portfolio (100.00) of the default user with one applied deposit, and a fresh trade to try. */
async function setUp(t: ExecutionContext) {
  const app = await createPortfolioTestApp(t);
  const portfolio = await app.createPortfolio();
  const applied = await app.applyOk(portfolio.id, { type: 'deposit', amount: '100.00' });
  const body = { transactionId: randomUUID(), type: 'withdrawal', amount: '40.00', executedAt: app.clock.now().toISOString() };
  return { app, portfolioId: portfolio.id, appliedId: applied.transactionId, body };
}

/** The apply and the status read with `authorization` (or none): both must be refused with `status`, nothing applied. */
async function refusedEverywhere(t: ExecutionContext, app: PortfolioTestApp, portfolioId: string, appliedId: string, body: object, authorization: string | undefined, status: number, code: string) {
  const apply = app.http.post(`/internal/portfolios/${portfolioId}/trades`);
  const read = app.http.get(`/internal/trades/${appliedId}`);
  if (authorization !== undefined) {
    apply.set('authorization', authorization);
    read.set('authorization', authorization);
  }
  for (const response of [await apply.send(body), await read]) {
    t.is(response.status, status, JSON.stringify(response.body));
    t.is(response.body.code, code);
    t.is(response.type, 'application/problem+json');
    t.false('transactionId' in response.body, 'no trade data is revealed');
  }
  const cash = (await app.http.get(`/portfolios/${portfolioId}`).set('authorization', app.user.auth)).body.cash;
  t.is(cash, '100.00', 'nothing was applied');
}

const sign = (key: Parameters<typeof signOnBehalfOfToken>[0], party: { issuer: string; audience: string }, userId: string, now: Date, ttlSeconds = 60) =>
  signOnBehalfOfToken(key, party, { userId, ttlSeconds, now });

test('anonymous calls are refused (401)', async (t) => {
  const { app, portfolioId, appliedId, body } = await setUp(t);
  await refusedEverywhere(t, app, portfolioId, appliedId, body, undefined, 401, 'unauthorized');
});

test('the owner\'s own access token (signed by auth, valid) is refused: the internal API is not for end users', async (t) => {
  const { app, portfolioId, appliedId, body } = await setUp(t);
  t.is((await app.http.get(`/portfolios/${portfolioId}`).set('authorization', app.user.auth)).status, 200, 'the token itself is valid');
  await refusedEverywhere(t, app, portfolioId, appliedId, body, app.user.auth, 401, 'invalid_token');
});

test('an on-behalf-of token signed by another key (even with the same kid) is refused', async (t) => {
  const { app, portfolioId, appliedId, body } = await setUp(t);
  const impostor = await generateSigningKey(app.transactionKey.kid);
  const token = await sign(impostor, TRANSACTION_TO_PORTFOLIO, app.user.userId, app.clock.now());
  await refusedEverywhere(t, app, portfolioId, appliedId, body, `Bearer ${token}`, 401, 'invalid_token');
});

test('an on-behalf-of token for another audience or from another issuer is refused, even with the right key', async (t) => {
  const { app, portfolioId, appliedId, body } = await setUp(t);
  for (const party of [{ ...TRANSACTION_TO_PORTFOLIO, audience: 'ledgerline' }, { ...TRANSACTION_TO_PORTFOLIO, issuer: 'ledgerline-auth' }]) {
    const token = await sign(app.transactionKey, party, app.user.userId, app.clock.now());
    await refusedEverywhere(t, app, portfolioId, appliedId, body, `Bearer ${token}`, 401, 'invalid_token');
  }
});

test('an expired on-behalf-of token is refused (401 token_expired)', async (t) => {
  const { app, portfolioId, appliedId, body } = await setUp(t);
  const token = await sign(app.transactionKey, TRANSACTION_TO_PORTFOLIO, app.user.userId, app.clock.now(), 60);
  app.clock.advance(66_000); // 60 s lifetime + 5 s tolerance, then one more second
  await refusedEverywhere(t, app, portfolioId, appliedId, body, `Bearer ${token}`, 401, 'token_expired');
});

test('a token accepted once (and so remembered) is refused as soon as it has expired: the cache does not outlive it', async (t) => {
  const { app, portfolioId, appliedId, body } = await setUp(t);
  const token = await sign(app.transactionKey, TRANSACTION_TO_PORTFOLIO, app.user.userId, app.clock.now(), 60);
  const read = () => app.http.get(`/internal/trades/${appliedId}`).set('authorization', `Bearer ${token}`);
  t.is((await read()).status, 200);
  app.clock.advance(64_000); // within the 5 s tolerance: still accepted
  t.is((await read()).status, 200);
  app.clock.advance(2_000);
  await refusedEverywhere(t, app, portfolioId, appliedId, body, `Bearer ${token}`, 401, 'token_expired');
});

test('a valid token for another user: that user\'s portfolio and trades do not exist for them (404)', async (t) => {
  const { app, portfolioId, appliedId, body } = await setUp(t);
  const stranger = await app.signIn();
  const token = await app.serviceToken(stranger.userId);
  const apply = await app.http.post(`/internal/portfolios/${portfolioId}/trades`).set('authorization', `Bearer ${token}`).send(body);
  t.is(apply.status, 404);
  t.is(apply.body.code, 'not_found');
  const read = await app.http.get(`/internal/trades/${appliedId}`).set('authorization', `Bearer ${token}`);
  t.is(read.status, 404);
  t.is(read.body.code, 'trade_not_applied', 'the same answer as for an id never applied: nothing is revealed');
  t.is((await app.http.get(`/portfolios/${portfolioId}`).set('authorization', app.user.auth)).body.cash, '100.00');
});

test('a valid on-behalf-of token for the owner applies the trade and reads its status', async (t) => {
  const { app, portfolioId, body } = await setUp(t);
  const auth = `Bearer ${await app.serviceToken(app.user.userId)}`;
  const apply = await app.http.post(`/internal/portfolios/${portfolioId}/trades`).set('authorization', auth).send(body);
  t.is(apply.status, 200);
  // 100.00 − 40.00 = 60.00
  t.like(apply.body, { transactionId: body.transactionId, applied: true, cash: '60.00' });
  const read = await app.http.get(`/internal/trades/${body.transactionId}`).set('authorization', auth);
  t.is(read.status, 200);
  t.deepEqual(read.body, { ...apply.body, applied: false });
  t.is((await app.http.get(`/portfolios/${portfolioId}`).set('authorization', app.user.auth)).body.cash, '60.00');
});
