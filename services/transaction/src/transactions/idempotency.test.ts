import { randomUUID } from 'node:crypto';
import test from 'ava';
import { createTransactionTestApp } from '../testing.ts';
import { deriveTransactionId } from './idempotency.ts';

test('a retry after success returns the stored transaction with 200 and Idempotent-Replayed, applied once', async (t) => {
  const app = await createTransactionTestApp(t);
  const user = await app.signInWithPortfolio('1000.00');
  const key = randomUUID();
  const body = { portfolioId: user.portfolioId, type: 'deposit', amount: '10.00' };
  const first = await app.record(user, body, key);
  t.is(first.status, 201);
  app.clock.advance(5_000);
  const again = await app.record(user, body, key);
  t.is(again.status, 200);
  t.is(again.headers['idempotent-replayed'], 'true');
  t.deepEqual(again.body, first.body);
  t.is(app.portfolio.calls.length, 1);
  t.is(app.portfolio.cashOf(user.portfolioId), '1010.00'); // 1000.00 + 10.00, once
  const history = await app.http.get('/transactions').set('authorization', user.auth);
  t.is(history.body.items.length, 1);
});

test('an equivalent body (same values, other spelling) is a replay too', async (t) => {
  const app = await createTransactionTestApp(t);
  const user = await app.signInWithPortfolio();
  const key = randomUUID();
  await app.record(user, { portfolioId: user.portfolioId, type: 'buy', symbol: 'AAPL', quantity: '1.50', price: '10', executedAt: '2026-05-01T10:00:00Z' }, key);
  const same = await app.record(user, { portfolioId: user.portfolioId, type: 'buy', symbol: 'aapl', quantity: '1.5', price: '10.00', fees: '0', executedAt: '2026-05-01T12:00:00+02:00' }, key);
  t.is(same.status, 200);
  t.is(app.portfolio.calls.length, 1);
});

test('the same key with a different body is 422 idempotency_key_reused, and nothing changes', async (t) => {
  const app = await createTransactionTestApp(t);
  const user = await app.signInWithPortfolio('1000.00');
  const key = randomUUID();
  const first = await app.record(user, { portfolioId: user.portfolioId, type: 'deposit', amount: '10.00' }, key);
  t.is(first.status, 201);
  const different = await app.record(user, { portfolioId: user.portfolioId, type: 'deposit', amount: '20.00' }, key);
  t.is(different.status, 422);
  t.is(different.body.code, 'idempotency_key_reused');
  t.is(different.body.errors[0].field, 'Idempotency-Key');
  t.is(app.portfolio.calls.length, 1);
  const history = await app.http.get('/transactions').set('authorization', user.auth);
  t.deepEqual(history.body.items, [first.body]);
});

test('without a key, two identical requests are two transactions', async (t) => {
  const app = await createTransactionTestApp(t);
  const user = await app.signInWithPortfolio('0.00');
  const body = { portfolioId: user.portfolioId, type: 'deposit', amount: '10.00' };
  const one = await app.record(user, body);
  const two = await app.record(user, body);
  t.is(one.status, 201);
  t.is(two.status, 201);
  t.not(one.body.id, two.body.id);
  t.is(two.body.result.cash, '20.00'); // 0.00 + 10.00 + 10.00
});

test('keys are per user: two users using one key get their own transactions', async (t) => {
  const app = await createTransactionTestApp(t);
  const ada = await app.signInWithPortfolio('0.00');
  const bob = await app.signInWithPortfolio('0.00');
  const key = 'shared-key-1';
  const a = await app.record(ada, { portfolioId: ada.portfolioId, type: 'deposit', amount: '1.00' }, key);
  const b = await app.record(bob, { portfolioId: bob.portfolioId, type: 'deposit', amount: '2.00' }, key);
  t.is(a.status, 201);
  t.is(b.status, 201);
  t.is(a.body.id, deriveTransactionId(ada.userId, key));
  t.is(b.body.id, deriveTransactionId(bob.userId, key));
  t.not(a.body.id, b.body.id);
});

test('two concurrent requests with one key store one transaction, applied once', async (t) => {
  const app = await createTransactionTestApp(t);
  const user = await app.signInWithPortfolio('100.00');
  const key = randomUUID();
  const body = { portfolioId: user.portfolioId, type: 'withdrawal', amount: '60.00' };
  // The first is stored pending and held at the portfolio; the second, while it is in flight, finds it by key.
  const release = app.portfolio.hold();
  const first = app.record(user, body, key).then((response) => response); // supertest starts on then()
  await app.portfolio.whenCalled(1);
  const second = await app.record(user, body, key);
  t.is(second.status, 202);
  t.is(second.headers['idempotent-replayed'], 'true');
  t.like(second.body, { status: 'pending', result: null });
  release();
  const applied = await first;
  t.is(applied.status, 201);
  t.is(applied.body.id, second.body.id);
  t.is(app.portfolio.calls.length, 1, 'only the request that stored it sends it');
  t.is(app.portfolio.cashOf(user.portfolioId), '40.00'); // 100.00 - 60.00, once
  t.is(app.portfolio.appliedCount, 1);
  const history = await app.http.get('/transactions').set('authorization', user.auth);
  t.is(history.body.items.length, 1);
});

test('ten parallel requests with one key: one stores and sends it (201), the others replay it (202 or 200), applied once', async (t) => {
  const app = await createTransactionTestApp(t);
  const user = await app.signInWithPortfolio('100.00');
  const key = randomUUID();
  const body = { portfolioId: user.portfolioId, type: 'withdrawal', amount: '60.00' };
  const responses = await Promise.all(Array.from({ length: 10 }, () => app.record(user, body, key)));
  t.is(responses.filter((r) => r.status === 201).length, 1);
  t.true(responses.every((r) => [200, 201, 202].includes(r.status)), responses.map((r) => r.status).join());
  t.true(responses.every((r) => r.body.id === deriveTransactionId(user.userId, key)));
  t.is(app.portfolio.calls.length, 1);
  t.is(app.portfolio.cashOf(user.portfolioId), '40.00'); // 100.00 − 60.00, once
});
