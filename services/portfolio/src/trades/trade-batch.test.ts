/**
 * POST /internal/trade-batches: several applies in one call from the transaction service. Each trade is applied for
 * the user of its own on-behalf-of token (`onBehalfOf`), checked exactly like the single apply's Authorization header,
 * and each is answered on its own: one refused trade changes nothing and stops no other.
 */
import test, { type ExecutionContext } from 'ava';
import { randomUUID } from 'node:crypto';
import { MAX_TRADE_BATCH } from '@ledgerline/api-schemas/internal';
import { TOKEN_CASES } from '@ledgerline/test-kit';
import { createPortfolioTestApp, type PortfolioTestApp, type TestUser } from '../testing.ts';

const BATCHES = '/internal/trade-batches';

/** Two users, each with a portfolio holding 100.00 of cash. */
async function setUp(t: ExecutionContext) {
  const app = await createPortfolioTestApp(t);
  const alice = app.user;
  const bob = await app.signIn();
  const alicePortfolio = (await app.createPortfolio({ name: 'Alice' }, alice)).id;
  const bobPortfolio = (await app.createPortfolio({ name: 'Bob' }, bob)).id;
  await app.applyOk(alicePortfolio, { type: 'deposit', amount: '100.00' }, alice);
  await app.applyOk(bobPortfolio, { type: 'deposit', amount: '100.00' }, bob);
  const item = async (as: TestUser, portfolioId: string, fields: Record<string, unknown>) => ({
    transactionId: randomUUID(), executedAt: app.clock.now().toISOString(), portfolioId, onBehalfOf: await app.serviceToken(as.userId), ...fields,
  });
  const send = async (trades: unknown, header?: string) =>
    app.http.post(BATCHES).set('authorization', header ?? `Bearer ${await app.serviceToken(alice.userId)}`).send({ trades });
  return { app, alice, bob, alicePortfolio, bobPortfolio, item, send };
}

const cashOf = async (app: PortfolioTestApp, portfolioId: string, as: TestUser) => (await app.http.get(`/portfolios/${portfolioId}`).set('authorization', as.auth)).body.cash as string;

test('trades of two users in one batch: each applied to its own user\'s portfolio, answered in the order sent', async (t) => {
  const { app, alice, bob, alicePortfolio, bobPortfolio, item, send } = await setUp(t);
  const deposit = await item(alice, alicePortfolio, { type: 'deposit', amount: '25.00' });
  const withdrawal = await item(bob, bobPortfolio, { type: 'withdrawal', amount: '40.00' });
  const response = await send([deposit, withdrawal]);
  t.is(response.status, 200, JSON.stringify(response.body));
  // 100.00 + 25.00 = 125.00; 100.00 − 40.00 = 60.00
  t.like(response.body.results[0], { status: 200, result: { transactionId: deposit.transactionId, portfolioId: alicePortfolio, applied: true, cash: '125.00' } });
  t.like(response.body.results[1], { status: 200, result: { transactionId: withdrawal.transactionId, portfolioId: bobPortfolio, applied: true, cash: '60.00' } });
  t.is(await cashOf(app, alicePortfolio, alice), '125.00');
  t.is(await cashOf(app, bobPortfolio, bob), '60.00');
  // The same batch again: both ids were applied, nothing changes (applied false, the stored results).
  const replay = await send([deposit, withdrawal]);
  t.deepEqual(replay.body.results.map((r: { result: { applied: boolean; cash: string } }) => [r.result.applied, r.result.cash]), [[false, '125.00'], [false, '60.00']]);
  t.is(await cashOf(app, alicePortfolio, alice), '125.00');
});

test('a refused trade is answered with its problem and changes nothing; the trades around it are applied', async (t) => {
  const { app, alice, bob, alicePortfolio, bobPortfolio, item, send } = await setUp(t);
  const tooDear = await item(alice, alicePortfolio, { type: 'buy', symbol: 'AAPL', quantity: '10', price: '100.00' });
  const deposit = await item(bob, bobPortfolio, { type: 'deposit', amount: '5.00' });
  const badAmount = await item(alice, alicePortfolio, { type: 'deposit', amount: 'lots' });
  const badPortfolio = await item(alice, 'not-a-portfolio', { type: 'deposit', amount: '1.00' });
  const notFitting = await item(alice, alicePortfolio, { type: 'deposit', amount: '1.00', symbol: 'AAPL' });
  const response = await send([tooDear, deposit, badAmount, badPortfolio, notFitting]);
  t.is(response.status, 200);
  const [dear, applied, amount, portfolio, fitting] = response.body.results;
  t.like(dear, { status: 409, problem: { status: 409, code: 'insufficient_cash', type: 'https://ledgerline.dev/problems/insufficient_cash' } });
  t.like(applied, { status: 200, result: { cash: '105.00' } });
  t.is(amount.status, 422);
  t.is(amount.problem.errors[0].field, 'amount');
  t.is(portfolio.status, 422);
  t.is(portfolio.problem.errors[0].field, 'portfolioId');
  t.is(fitting.problem.errors[0].field, 'symbol');
  t.is(fitting.problem.errors[0].code, 'not_allowed');
  t.is(await cashOf(app, alicePortfolio, alice), '100.00', 'none of Alice\'s refused trades changed her cash');
  t.is(await cashOf(app, bobPortfolio, bob), '105.00');
});

test('each trade is applied for its own token\'s user only: a trade on someone else\'s portfolio is a 404, whoever sent the batch', async (t) => {
  const { app, alice, bob, alicePortfolio, item, send } = await setUp(t);
  // Bob's token on Alice's portfolio, in a batch whose header is Bob's too.
  const intrusion = await item(bob, alicePortfolio, { type: 'withdrawal', amount: '100.00' });
  const response = await send([intrusion], `Bearer ${await app.serviceToken(bob.userId)}`);
  t.like(response.body.results[0], { status: 404, problem: { code: 'not_found' } });
  t.false(JSON.stringify(response.body).includes('100.00'), 'nothing of the portfolio is revealed');
  // The header names the caller (the transaction service), never the user: Alice's own trade in Bob's batch is hers.
  const own = await item(alice, alicePortfolio, { type: 'withdrawal', amount: '10.00' });
  t.like((await send([own], `Bearer ${await app.serviceToken(bob.userId)}`)).body.results[0], { status: 200, result: { cash: '90.00' } });
  t.is(await cashOf(app, alicePortfolio, alice), '90.00');
});

test('every token the header refuses is refused as a trade\'s token too (401 per trade), and nothing is applied', async (t) => {
  const { app, alice, alicePortfolio, item, send } = await setUp(t);
  const base = { key: app.transactionKey, token: await app.serviceToken(alice.userId), now: app.clock.now() };
  const cases = [
    // A header that is not "Bearer <token>" is sent as the trade's token as it is: not a token at all.
    ...await Promise.all(TOKEN_CASES.map(async (kind) => {
      const header = await kind.header(base);
      return { name: kind.name, token: header?.replace(/^Bearer /, ''), code: header === undefined || header.startsWith('Bearer ') ? kind.code : 'invalid_token' };
    })),
    { name: 'the owner\'s own access token (not the transaction service\'s)', token: alice.token, code: 'invalid_token' },
  ];
  for (const kind of cases) {
    const trade = await item(alice, alicePortfolio, { type: 'withdrawal', amount: '100.00' });
    if (kind.token === undefined) delete (trade as { onBehalfOf?: string }).onBehalfOf;
    else trade.onBehalfOf = kind.token;
    const response = await send([trade]);
    t.is(response.status, 200, kind.name);
    t.like(response.body.results[0], { status: 401, problem: { status: 401, code: kind.code } }, kind.name);
  }
  t.is(await cashOf(app, alicePortfolio, alice), '100.00', 'no forged token applied anything');
});

test('a trade\'s token accepted once is refused as soon as it has expired (the verified-token cache does not outlive it)', async (t) => {
  const { app, alice, alicePortfolio, item, send } = await setUp(t);
  const first = await item(alice, alicePortfolio, { type: 'withdrawal', amount: '10.00' });
  t.is((await send([first])).body.results[0].status, 200);
  app.clock.advance(66_000); // 60 s lifetime + 5 s tolerance, then one more second
  const late = { ...(await item(alice, alicePortfolio, { type: 'withdrawal', amount: '10.00' })), onBehalfOf: first.onBehalfOf };
  t.like((await send([late])).body.results[0], { status: 401, problem: { code: 'token_expired' } });
  t.is(await cashOf(app, alicePortfolio, alice), '90.00');
});

test('the batch itself: only for the transaction service, and a list of 1 to MAX_TRADE_BATCH trades (422 naming the field)', async (t) => {
  const { app, alice, alicePortfolio, item, send } = await setUp(t);
  const trade = await item(alice, alicePortfolio, { type: 'withdrawal', amount: '100.00' });
  for (const [header, code] of [[undefined, 'unauthorized'], [alice.auth, 'invalid_token'], [`Bearer ${await app.serviceToken(alice.userId)}x`, 'invalid_token']] as const) {
    const response = await app.http.post(BATCHES).set(header ? { authorization: header } : {}).send({ trades: [trade] });
    t.is(response.status, 401);
    t.is(response.body.code, code);
  }
  for (const [trades, field] of [[[], 'trades'], [Array.from({ length: MAX_TRADE_BATCH + 1 }, () => trade), 'trades'], ['all', 'trades'], [['a trade'], 'trades.0']] as const) {
    const response = await send(trades);
    t.is(response.status, 422, JSON.stringify(trades).slice(0, 40));
    t.is(response.type, 'application/problem+json');
    t.is(response.body.errors[0].field, field);
  }
  t.is(await cashOf(app, alicePortfolio, alice), '100.00');
  // A full batch fits the service's body limit: MAX_TRADE_BATCH deposits of 1.00, each with its token.
  const full = await Promise.all(Array.from({ length: MAX_TRADE_BATCH }, () => item(alice, alicePortfolio, { type: 'deposit', amount: '1.00' })));
  const response = await send(full);
  t.is(response.status, 200);
  t.true(response.body.results.every((r: { status: number }) => r.status === 200));
  t.is(await cashOf(app, alicePortfolio, alice), (100 + MAX_TRADE_BATCH).toFixed(2));
});
