import { randomUUID } from 'node:crypto';
import test, { type ExecutionContext } from 'ava';
import { conflict } from '@ledgerline/http-kit';
import { createTransactionTestApp, type TestUser, type TransactionTestApp } from '../testing.ts';
import { deriveTransactionId } from './idempotency.ts';

async function storedNothing(t: ExecutionContext, app: TransactionTestApp, user: TestUser, key: string) {
  const history = await app.http.get('/transactions').set('authorization', user.auth);
  t.deepEqual(history.body, { items: [], nextCursor: null });
  const byId = await app.http.get(`/transactions/${deriveTransactionId(user.userId, key)}`).set('authorization', user.auth);
  t.is(byId.status, 404);
}

test('a refusal from the portfolio (sell more than held) reaches the user as it is, and nothing is stored', async (t) => {
  const app = await createTransactionTestApp(t);
  const user = await app.signInWithPortfolio('1000.00');
  const key = randomUUID();
  const sell = await app.record(user, { portfolioId: user.portfolioId, type: 'sell', symbol: 'AAPL', quantity: '1', price: '10' }, key);
  t.is(sell.status, 409);
  t.is(sell.body.code, 'insufficient_quantity');
  t.regex(sell.body.detail, /Cannot sell more than held/);
  t.deepEqual(sell.body.errors, [{ field: 'quantity', code: 'insufficient_quantity', message: 'More than the portfolio holds.' }]);
  await storedNothing(t, app, user, key);
});

test('insufficient cash, an unknown symbol and a foreign portfolio are passed on (409 / 422 / 404), nothing stored', async (t) => {
  const app = await createTransactionTestApp(t);
  const user = await app.signInWithPortfolio('100.00');
  const other = await app.signInWithPortfolio('100.00');
  const key = randomUUID();
  // 100.00 cash < 2 × 50.00 + 0.01 fees = 100.01
  const broke = await app.record(user, { portfolioId: user.portfolioId, type: 'buy', symbol: 'AAPL', quantity: '2', price: '50', fees: '0.01' }, key);
  t.like(broke.body, { status: 409, code: 'insufficient_cash' });
  const withdraw = await app.record(user, { portfolioId: user.portfolioId, type: 'withdrawal', amount: '100.01' }, key);
  t.like(withdraw.body, { status: 409, code: 'insufficient_cash' });
  const unknown = await app.record(user, { portfolioId: user.portfolioId, type: 'buy', symbol: 'NOPE', quantity: '1', price: '1' }, key);
  t.is(unknown.status, 422);
  t.is(unknown.body.code, 'unknown_symbol');
  t.deepEqual(unknown.body.errors.map((e: { field: string }) => e.field), ['symbol']);
  const foreign = await app.record(user, { portfolioId: other.portfolioId, type: 'deposit', amount: '1.00' }, key);
  t.like(foreign.body, { status: 404, code: 'not_found' });
  await storedNothing(t, app, user, key);
  t.is(app.portfolio.cashOf(user.portfolioId), '100.00');
  t.is(app.portfolio.cashOf(other.portfolioId), '100.00');
});

test('any refusal the portfolio makes is shown with its status, code and errors', async (t) => {
  const app = await createTransactionTestApp(t);
  const user = await app.signInWithPortfolio();
  const key = randomUUID();
  app.portfolio.failNext({ kind: 'refuse', error: conflict('transaction_id_conflict', 'Applied to another portfolio.') });
  const response = await app.record(user, { portfolioId: user.portfolioId, type: 'deposit', amount: '1.00' }, key);
  t.like(response.body, { status: 409, code: 'transaction_id_conflict', detail: 'Applied to another portfolio.' });
  t.is(response.type, 'application/problem+json');
  await storedNothing(t, app, user, key);
});

test('portfolio down: 503, nothing stored; the retry with the same key records it once with the same transaction id', async (t) => {
  const app = await createTransactionTestApp(t);
  const user = await app.signInWithPortfolio('500.00');
  const key = randomUUID();
  const body = { portfolioId: user.portfolioId, type: 'withdrawal', amount: '200.00' };
  app.portfolio.failNext({ kind: 'down' });
  const down = await app.record(user, body, key);
  t.is(down.status, 503);
  t.is(down.body.code, 'portfolio_unavailable');
  await storedNothing(t, app, user, key);
  const retry = await app.record(user, body, key);
  t.is(retry.status, 201);
  t.is(retry.body.result.cash, '300.00'); // 500.00 - 200.00, once
  const ids = app.portfolio.calls.map((call) => call.request.transactionId);
  t.deepEqual(ids, [retry.body.id, retry.body.id]);
  t.is(retry.body.id, deriveTransactionId(user.userId, key));
  const history = await app.http.get('/transactions').set('authorization', user.auth);
  t.deepEqual(history.body.items.map((item: { id: string }) => item.id), [retry.body.id]);
});

test('portfolio timeout after it applied the trade: 504, nothing stored; the retry does not apply it twice', async (t) => {
  const app = await createTransactionTestApp(t);
  const user = await app.signInWithPortfolio('10000.00');
  const key = randomUUID();
  const body = { portfolioId: user.portfolioId, type: 'buy', symbol: 'AAPL', quantity: '10', price: '100.00', fees: '5.00', executedAt: '2026-05-01T09:00:00Z' };
  app.portfolio.failNext({ kind: 'timeout', afterApply: true });
  const slow = await app.record(user, body, key);
  t.is(slow.status, 504);
  t.is(slow.body.code, 'portfolio_timeout');
  await storedNothing(t, app, user, key);
  t.is(app.portfolio.cashOf(user.portfolioId), '8995.00'); // the portfolio did apply it: 10000.00 - 1005.00
  const retry = await app.record(user, body, key);
  t.is(retry.status, 201);
  // still 8995.00 (not 7990.00): the portfolio saw the same transaction id and applied nothing new
  t.deepEqual(retry.body.result, { cash: '8995.00', holding: { symbol: 'AAPL', quantity: '10', averageCost: '100.5000', realizedPnl: '0.00' }, realizedPnl: null });
  t.is(app.portfolio.cashOf(user.portfolioId), '8995.00');
  t.is(app.portfolio.appliedCount, 1);
  t.deepEqual(app.portfolio.calls.map((call) => call.request.transactionId), [retry.body.id, retry.body.id]);
  const history = await app.http.get('/transactions').set('authorization', user.auth);
  t.is(history.body.items.length, 1);
});

test('portfolio timeout before applying: 504, nothing stored; the retry applies it', async (t) => {
  const app = await createTransactionTestApp(t);
  const user = await app.signInWithPortfolio('0.00');
  const key = randomUUID();
  const body = { portfolioId: user.portfolioId, type: 'deposit', amount: '75.00' };
  app.portfolio.failNext({ kind: 'timeout' });
  t.is((await app.record(user, body, key)).status, 504);
  await storedNothing(t, app, user, key);
  const retry = await app.record(user, body, key);
  t.is(retry.status, 201);
  t.is(retry.body.result.cash, '75.00'); // 0.00 + 75.00
  t.is(app.portfolio.calls.length, 2);
  t.is(app.portfolio.calls[0].request.transactionId, app.portfolio.calls[1].request.transactionId);
});
