/**
 * The state machine of a recorded transaction against a portfolio service that refuses, is down, or times out:
 * the intent is stored pending first, and every failure between the services ends in a state the user can see
 * (completed, rejected, or pending until the reconciler finishes it) — never a trade applied but not recorded.
 */
import { randomUUID } from 'node:crypto';
import test, { type ExecutionContext } from 'ava';
import { AppError, conflict } from '@ledgerline/http-kit';
import { createTransactionTestApp, type TestUser, type TransactionTestApp } from '../testing.ts';
import { deriveTransactionId } from './idempotency.ts';

const get = (app: TransactionTestApp, user: TestUser, path: string) => app.http.get(path).set('authorization', user.auth);

/** A rejected transaction: stored for audit (by id, and with ?status=rejected) but not in the default history. */
async function rejectedForAudit(t: ExecutionContext, app: TransactionTestApp, user: TestUser, key: string, code: string) {
  const id = deriveTransactionId(user.userId, key);
  const byId = await get(app, user, `/transactions/${id}`);
  t.is(byId.status, 200);
  t.like(byId.body, { id, status: 'rejected', result: null, rejection: { code } });
  t.deepEqual((await get(app, user, '/transactions')).body, { items: [], nextCursor: null });
  t.true((await get(app, user, '/transactions?status=rejected')).body.items.some((item: { id: string }) => item.id === id));
}

test('a refusal (sell more than held) reaches the user as it is; the trade is kept as rejected, never listed by default', async (t) => {
  const app = await createTransactionTestApp(t);
  const user = await app.signInWithPortfolio('1000.00');
  const key = randomUUID();
  const body = { portfolioId: user.portfolioId, type: 'sell', symbol: 'AAPL', quantity: '1', price: '10' };
  const sell = await app.record(user, body, key);
  t.is(sell.status, 409);
  t.is(sell.body.code, 'insufficient_quantity');
  t.regex(sell.body.detail, /Cannot sell more than held/);
  t.deepEqual(sell.body.errors, [{ field: 'quantity', code: 'insufficient_quantity', message: 'More than the portfolio holds.' }]);
  await rejectedForAudit(t, app, user, key, 'insufficient_quantity');
  // the same key again: the same refusal, marked as a replay, and the portfolio is not asked again
  const again = await app.record(user, body, key);
  t.is(again.status, 409);
  t.is(again.headers['idempotent-replayed'], 'true');
  t.like(again.body, { code: 'insufficient_quantity', detail: sell.body.detail, errors: sell.body.errors });
  t.is(app.portfolio.calls.length, 1);
});

test('insufficient cash, an unknown symbol and a foreign portfolio are passed on (409 / 422 / 404) and change no cash', async (t) => {
  const app = await createTransactionTestApp(t);
  const user = await app.signInWithPortfolio('100.00');
  const other = await app.signInWithPortfolio('100.00');
  // 100.00 cash < 2 × 50.00 + 0.01 fees = 100.01
  const broke = await app.record(user, { portfolioId: user.portfolioId, type: 'buy', symbol: 'AAPL', quantity: '2', price: '50', fees: '0.01' }, randomUUID());
  t.like(broke.body, { status: 409, code: 'insufficient_cash' });
  const withdraw = await app.record(user, { portfolioId: user.portfolioId, type: 'withdrawal', amount: '100.01' }, randomUUID());
  t.like(withdraw.body, { status: 409, code: 'insufficient_cash' });
  const unknown = await app.record(user, { portfolioId: user.portfolioId, type: 'buy', symbol: 'NOPE', quantity: '1', price: '1' }, randomUUID());
  t.is(unknown.status, 422);
  t.is(unknown.body.code, 'unknown_symbol');
  t.deepEqual(unknown.body.errors.map((e: { field: string }) => e.field), ['symbol']);
  const key = randomUUID();
  const foreign = await app.record(user, { portfolioId: other.portfolioId, type: 'deposit', amount: '1.00' }, key);
  t.like(foreign.body, { status: 404, code: 'not_found' });
  await rejectedForAudit(t, app, user, key, 'not_found');
  t.is((await get(app, user, '/transactions?status=rejected')).body.items.length, 4);
  t.is(app.portfolio.cashOf(user.portfolioId), '100.00');
  t.is(app.portfolio.cashOf(other.portfolioId), '100.00');
});

test('any definitive refusal is shown with its status, code and detail as problem+json', async (t) => {
  const app = await createTransactionTestApp(t);
  const user = await app.signInWithPortfolio();
  const key = randomUUID();
  app.portfolio.failNext({ kind: 'refuse', error: conflict('transaction_id_conflict', 'Applied to another portfolio.') });
  const response = await app.record(user, { portfolioId: user.portfolioId, type: 'deposit', amount: '1.00' }, key);
  t.like(response.body, { status: 409, code: 'transaction_id_conflict', detail: 'Applied to another portfolio.' });
  t.is(response.type, 'application/problem+json');
  await rejectedForAudit(t, app, user, key, 'transaction_id_conflict');
});

test('portfolio down: 202 pending with the id; listed as pending; the reconciler applies it once; a replay shows each state', async (t) => {
  const app = await createTransactionTestApp(t);
  const user = await app.signInWithPortfolio('500.00');
  const key = randomUUID();
  const body = { portfolioId: user.portfolioId, type: 'withdrawal', amount: '200.00' };
  app.portfolio.failNext({ kind: 'down' });
  const pending = await app.record(user, body, key);
  t.is(pending.status, 202);
  t.like(pending.body, { id: deriveTransactionId(user.userId, key), status: 'pending', result: null, rejection: null, amount: '200.00' });
  t.is(pending.headers.location, `/transactions/${pending.body.id}`);
  t.deepEqual((await get(app, user, `/transactions/${pending.body.id}`)).body, pending.body);
  t.deepEqual((await get(app, user, '/transactions')).body.items, [pending.body]);
  t.deepEqual((await get(app, user, '/transactions?status=completed')).body.items, []);

  const replayWhilePending = await app.record(user, body, key);
  t.is(replayWhilePending.status, 202);
  t.is(replayWhilePending.headers['idempotent-replayed'], 'true');
  t.deepEqual(replayWhilePending.body, pending.body);
  t.is(app.portfolio.calls.length, 1, 'a replay does not send it again');

  app.clock.advance(1_000); // the first retry is due after the backoff (1 s)
  t.like(await app.app.reconciler.runOnce(), { completed: 1 });
  const done = await get(app, user, `/transactions/${pending.body.id}`);
  t.like(done.body, { status: 'completed', result: { cash: '300.00', holding: null, realizedPnl: null } }); // 500.00 − 200.00, once
  const replay = await app.record(user, body, key);
  t.is(replay.status, 200);
  t.deepEqual(replay.body, done.body);
  t.is(app.portfolio.cashOf(user.portfolioId), '300.00');
  t.deepEqual(app.portfolio.calls.map((call) => call.request.transactionId), [pending.body.id, pending.body.id]);
});

test('portfolio timeout after it applied the trade: 202 pending; the reconciler reads the applied result and does not send it again', async (t) => {
  const app = await createTransactionTestApp(t);
  const user = await app.signInWithPortfolio('10000.00');
  const key = randomUUID();
  const body = { portfolioId: user.portfolioId, type: 'buy', symbol: 'AAPL', quantity: '10', price: '100.00', fees: '5.00', executedAt: '2026-05-01T09:00:00Z' };
  app.portfolio.failNext({ kind: 'timeout', afterApply: true });
  const slow = await app.record(user, body, key);
  t.is(slow.status, 202);
  t.is(slow.body.status, 'pending');
  t.is(app.portfolio.cashOf(user.portfolioId), '8995.00'); // the portfolio did apply it: 10000.00 − 1005.00
  app.clock.advance(1_000);
  t.like(await app.app.reconciler.runOnce(), { completed: 1 });
  const done = (await get(app, user, `/transactions/${slow.body.id}`)).body;
  // still 8995.00 (not 7990.00): completed from the portfolio's stored result
  t.deepEqual(done.result, { cash: '8995.00', holding: { symbol: 'AAPL', quantity: '10', averageCost: '100.5000', realizedPnl: '0.00' }, realizedPnl: null });
  t.is(app.portfolio.calls.length, 1, 'never sent a second time');
  t.deepEqual(app.portfolio.statusCalls.map((call) => call.transactionId), [slow.body.id]);
  t.is(app.portfolio.appliedCount, 1);
});

test('portfolio timeout before applying: 202 pending; the reconciler finds it not applied and applies it', async (t) => {
  const app = await createTransactionTestApp(t);
  const user = await app.signInWithPortfolio('0.00');
  const key = randomUUID();
  app.portfolio.failNext({ kind: 'timeout' });
  const slow = await app.record(user, { portfolioId: user.portfolioId, type: 'deposit', amount: '75.00' }, key);
  t.is(slow.status, 202);
  t.is(app.portfolio.cashOf(user.portfolioId), '0.00');
  app.clock.advance(1_000);
  t.like(await app.app.reconciler.runOnce(), { completed: 1 });
  t.is((await get(app, user, `/transactions/${slow.body.id}`)).body.result.cash, '75.00'); // 0.00 + 75.00
  t.is(app.portfolio.calls.length, 2);
  t.is(app.portfolio.appliedCount, 1);
});

for (const [what, error] of [
  ['our service token refused (401)', new AppError(401, 'invalid_token', 'Unauthorized')],
  ['a forbidden answer (403)', new AppError(403, 'forbidden', 'Forbidden')],
  ['too many requests (429)', new AppError(429, 'rate_limited', 'Too many requests')],
  ['a response of the wrong shape (502)', new AppError(502, 'portfolio_bad_response', 'Bad gateway')],
] as const) {
  test(`${what} is not a refusal of the trade: it stays pending (202) and is finished later`, async (t) => {
    const app = await createTransactionTestApp(t);
    const user = await app.signInWithPortfolio('10.00');
    app.portfolio.failNext({ kind: 'refuse', error });
    const response = await app.record(user, { portfolioId: user.portfolioId, type: 'deposit', amount: '5.00' }, randomUUID());
    t.is(response.status, 202);
    t.is(response.body.status, 'pending');
    app.clock.advance(1_000);
    await app.app.reconciler.runOnce();
    t.like((await get(app, user, `/transactions/${response.body.id}`)).body, { status: 'completed', result: { cash: '15.00' } }); // 10.00 + 5.00
  });
}

test('the history can be filtered by status; an unknown status is a 422 naming the parameter', async (t) => {
  const app = await createTransactionTestApp(t);
  const user = await app.signInWithPortfolio('100.00');
  const completed = await app.record(user, { portfolioId: user.portfolioId, type: 'deposit', amount: '1.00', executedAt: '2026-05-01T10:00:00Z' });
  app.portfolio.failNext({ kind: 'down' });
  const pending = await app.record(user, { portfolioId: user.portfolioId, type: 'deposit', amount: '2.00', executedAt: '2026-05-02T10:00:00Z' });
  const rejected = await app.record(user, { portfolioId: user.portfolioId, type: 'withdrawal', amount: '999.00', executedAt: '2026-05-03T10:00:00Z' });
  t.deepEqual([completed.status, pending.status, rejected.status], [201, 202, 409]);
  const ids = async (query: string) => (await get(app, user, `/transactions${query}`)).body.items.map((item: { id: string }) => item.id);
  t.deepEqual(await ids(''), [pending.body.id, completed.body.id]);
  t.deepEqual(await ids('?status=pending'), [pending.body.id]);
  const [rejectedId] = await ids('?status=rejected');
  t.truthy(rejectedId);
  t.deepEqual(await ids('?status=completed,rejected'), [rejectedId, completed.body.id]);
  t.is((await ids('?status=pending,completed,rejected')).length, 3);
  const bad = await get(app, user, '/transactions?status=done');
  t.is(bad.status, 422);
  t.deepEqual(bad.body.errors.map((e: { field: string }) => e.field), ['status']);
});
