/**
 * The reconciler against a fake portfolio service that is down, hangs, refuses or has already applied the trade,
 * driven by the test clock (runs are started by hand with runOnce; nothing waits on real time).
 */
import { randomUUID } from 'node:crypto';
import test from 'ava';
import { localKeys } from '@ledgerline/auth-tokens';
import { conflict } from '@ledgerline/http-kit';
import { createApp } from '../app.ts';
import { createTransactionTestApp, type TestUser, type TransactionTestApp } from '../testing.ts';
import { transactionRepository } from '../transactions/transaction.repository.ts';

/** Records a deposit while the portfolio service is down: a pending transaction (202). */
async function pendingDeposit(app: TransactionTestApp, user: TestUser & { portfolioId: string }, amount = '10.00'): Promise<string> {
  app.portfolio.failNext({ kind: 'down' });
  const response = await app.record(user, { portfolioId: user.portfolioId, type: 'deposit', amount }, randomUUID());
  if (response.status !== 202) throw new Error(`expected 202, got ${response.status}`);
  return response.body.id as string;
}

const statusOf = async (app: TransactionTestApp, user: TestUser, id: string) =>
  (await app.http.get(`/transactions/${id}`).set('authorization', user.auth)).body.status as string;

test('nothing is sent before the backoff is over; then it is, and completes', async (t) => {
  const app = await createTransactionTestApp(t);
  const user = await app.signInWithPortfolio('0.00');
  const id = await pendingDeposit(app, user);
  app.clock.advance(999);
  t.deepEqual(await app.app.reconciler.runOnce(), { completed: 0, rejected: 0, stillPending: 0, skipped: 0 });
  t.is(app.portfolio.statusCalls.length, 0);
  app.clock.advance(1);
  t.deepEqual(await app.app.reconciler.runOnce(), { completed: 1, rejected: 0, stillPending: 0, skipped: 0 });
  t.is(await statusOf(app, user, id), 'completed');
  t.is(app.portfolio.cashOf(user.portfolioId), '10.00');
});

test('the backoff doubles with every failed attempt, up to the maximum', async (t) => {
  const app = await createTransactionTestApp(t, { retryBackoffMs: 1_000, retryMaxBackoffMs: 4_000 });
  const user = await app.signInWithPortfolio('0.00');
  const id = await pendingDeposit(app, user); // attempt 1 failed: due in 1 s
  // attempts 2, 3, 4 fail: then due in 2 s, 4 s, 4 s (capped)
  for (const delay of [1_000, 2_000, 4_000]) {
    app.clock.advance(delay - 1);
    t.like(await app.app.reconciler.runOnce(), { stillPending: 0 }, `not due ${delay - 1} ms later`);
    app.clock.advance(1);
    app.portfolio.failNext({ kind: 'down' });
    t.like(await app.app.reconciler.runOnce(), { stillPending: 1 }, `due ${delay} ms later`);
  }
  app.clock.advance(3_999);
  t.like(await app.app.reconciler.runOnce(), { stillPending: 0, completed: 0 });
  app.clock.advance(1);
  t.like(await app.app.reconciler.runOnce(), { completed: 1 });
  t.is(await statusOf(app, user, id), 'completed');
  t.is(app.portfolio.appliedCount, 1);
});

test('a run stops at the first outage and leaves the rest due for the next run', async (t) => {
  const app = await createTransactionTestApp(t);
  const user = await app.signInWithPortfolio('0.00');
  const ids = [await pendingDeposit(app, user, '1.00'), await pendingDeposit(app, user, '2.00'), await pendingDeposit(app, user, '3.00')];
  app.clock.advance(1_000);
  app.portfolio.failNext({ kind: 'timeout' });
  t.deepEqual(await app.app.reconciler.runOnce(), { completed: 0, rejected: 0, stillPending: 1, skipped: 0 });
  t.is(app.portfolio.statusCalls.length, 1, 'the portfolio service is not flooded while it does not answer');
  // the two not tried are still due; the one tried waits for its backoff (2 s after its 2nd attempt)
  t.like(await app.app.reconciler.runOnce(), { completed: 2 });
  app.clock.advance(2_000);
  t.like(await app.app.reconciler.runOnce(), { completed: 1 });
  for (const id of ids) t.is(await statusOf(app, user, id), 'completed');
  t.is(app.portfolio.cashOf(user.portfolioId), '6.00'); // 1.00 + 2.00 + 3.00
});

test('a definitive refusal on a later attempt rejects it: out of the default history, its replay is the refusal', async (t) => {
  const app = await createTransactionTestApp(t);
  const user = await app.signInWithPortfolio('0.00');
  const key = randomUUID();
  const body = { portfolioId: user.portfolioId, type: 'withdrawal', amount: '5.00' };
  app.portfolio.failNext({ kind: 'down' });
  t.is((await app.record(user, body, key)).status, 202);
  app.clock.advance(1_000);
  t.like(await app.app.reconciler.runOnce(), { rejected: 1 }); // 0.00 cash: insufficient_cash
  t.deepEqual((await app.http.get('/transactions').set('authorization', user.auth)).body.items, []);
  const replay = await app.record(user, body, key);
  t.is(replay.status, 409);
  t.is(replay.body.code, 'insufficient_cash');
  t.is(replay.headers['idempotent-replayed'], 'true');
});

test('a status read that fails is retried later like any outage; a refusal of the status read itself is definitive', async (t) => {
  const app = await createTransactionTestApp(t);
  const user = await app.signInWithPortfolio('0.00');
  const id = await pendingDeposit(app, user);
  app.clock.advance(1_000);
  app.portfolio.failNext({ kind: 'refuse', error: conflict('transaction_id_conflict', 'Elsewhere.') });
  t.like(await app.app.reconciler.runOnce(), { rejected: 1 });
  t.is(await statusOf(app, user, id), 'rejected');
  t.is(app.portfolio.cashOf(user.portfolioId), '0.00');
});

test('the trade is finished long after the user\'s access token expired: the service calls with its own token', async (t) => {
  const app = await createTransactionTestApp(t);
  const user = await app.signInWithPortfolio('0.00');
  const id = await pendingDeposit(app, user);
  app.clock.advance(60 * 60_000); // an hour: the 5-minute access token is long gone
  t.like(await app.app.reconciler.runOnce(), { completed: 1 });
  t.not(app.portfolio.calls.at(-1)!.ctx.accessToken, user.accessToken);
  const later = await app.issuer.token({ userId: user.userId, now: app.clock.now() }); // the user signs in again
  t.is(await statusOf(app, { ...user, auth: `Bearer ${later}` }, id), 'completed');
});

test('a transaction in flight in its own request is claimed: the reconciler leaves it alone until the lease ends', async (t) => {
  const app = await createTransactionTestApp(t, { claimLeaseMs: 7_000 });
  const user = await app.signInWithPortfolio('50.00');
  const release = app.portfolio.hold();
  const inFlight = app.record(user, { portfolioId: user.portfolioId, type: 'deposit', amount: '1.00' }, randomUUID()).then((response) => response);
  await app.portfolio.whenCalled(1);
  app.clock.advance(6_999);
  t.like(await app.app.reconciler.runOnce(), { completed: 0, skipped: 0 });
  t.is(app.portfolio.statusCalls.length, 0);
  release();
  t.is((await inFlight).status, 201);
  t.is(app.portfolio.cashOf(user.portfolioId), '51.00');
});

test('a claim whose holder died (never settled) is taken over once its lease has run out, and applied once', async (t) => {
  const app = await createTransactionTestApp(t, { claimLeaseMs: 7_000 });
  const user = await app.signInWithPortfolio('0.00');
  const id = await pendingDeposit(app, user);
  app.clock.advance(1_000);
  // another replica claims it and dies before asking the portfolio service
  const repository = transactionRepository(app.orm.em.fork());
  const [row] = await repository.due(app.clock.now(), 10);
  t.is(await repository.claim(row, app.clock.now(), new Date(app.clock.now().getTime() + 7_000)), 2);
  app.clock.advance(6_999);
  t.like(await app.app.reconciler.runOnce(), { completed: 0 });
  app.clock.advance(1);
  t.like(await app.app.reconciler.runOnce(), { completed: 1 });
  t.is(await statusOf(app, user, id), 'completed');
  t.is(app.portfolio.appliedCount, 1);
});

test('two replicas on one database: each pending transaction is sent by exactly one of them', async (t) => {
  const app = await createTransactionTestApp(t);
  const replica = createApp({ orm: app.orm, logger: app.logger, clock: app.clock.now, keys: localKeys(app.issuer.jwks), signingKey: app.signingKey, portfolio: app.portfolio });
  const user = await app.signInWithPortfolio('0.00');
  const ids: string[] = [];
  for (let i = 1; i <= 6; i++) ids.push(await pendingDeposit(app, user, `${i}.00`));
  app.clock.advance(1_000);
  const release = app.portfolio.hold(); // both runs read the same due rows before either gets an answer
  const runs = Promise.all([app.app.reconciler.runOnce(), replica.reconciler.runOnce()]);
  await app.portfolio.whenStatusAsked(1);
  release();
  const [first, second] = await runs;
  t.is(first.completed + second.completed, 6);
  t.is(first.skipped + second.skipped, 6, 'every row the other replica had claimed was skipped, not sent');
  t.is(app.portfolio.statusCalls.length, 6);
  t.deepEqual(app.portfolio.statusCalls.map((call) => call.transactionId).sort(), [...ids].sort());
  t.is(app.portfolio.cashOf(user.portfolioId), '21.00'); // 1 + 2 + … + 6
});

test('start() runs at once and then on the interval; stop() waits for the run in progress', async (t) => {
  const app = await createTransactionTestApp(t, { reconcileIntervalMs: 20 });
  const user = await app.signInWithPortfolio('0.00');
  const first = await pendingDeposit(app, user, '1.00');
  app.clock.advance(1_000);
  app.app.reconciler.start();
  await app.app.reconciler.stop();
  t.is(await statusOf(app, user, first), 'completed', 'the start-up run finished before stop() resolved');
  const second = await pendingDeposit(app, user, '2.00');
  app.clock.advance(1_000);
  app.app.reconciler.start();
  t.teardown(() => app.app.reconciler.stop());
  await app.portfolio.whenCalled(4); // two per deposit: the failed first attempt, then the reconciler's
  await app.app.reconciler.stop();
  t.is(await statusOf(app, user, second), 'completed');
});

test('/health/ready reports how many transactions are pending and how long the oldest has waited', async (t) => {
  const app = await createTransactionTestApp(t);
  const user = await app.signInWithPortfolio('0.00');
  const ready = async () => (await app.http.get('/health/ready')).body;
  t.like(await ready(), { status: 'ok', checks: { pendingTransactions: { ok: true, count: 0, oldestAgeSeconds: null } } });
  await pendingDeposit(app, user);
  app.clock.advance(30_000);
  await pendingDeposit(app, user);
  app.clock.advance(15_000);
  t.like(await ready(), { status: 'ok', checks: { pendingTransactions: { ok: true, count: 2, oldestAgeSeconds: 45 } } });
  await app.app.reconciler.runOnce();
  t.like(await ready(), { checks: { pendingTransactions: { count: 0, oldestAgeSeconds: null } } });
});
