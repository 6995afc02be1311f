import { randomUUID } from 'node:crypto';
import test from 'ava';
import { localKeys, TRANSACTION_TO_PORTFOLIO, verifyOnBehalfOfToken } from '@ledgerline/auth-tokens';
import { createTransactionTestApp } from '../testing.ts';
import { deriveTransactionId } from './idempotency.ts';

test('a buy is applied by the portfolio, stored, answered 201, and read back by id and in the history', async (t) => {
  const app = await createTransactionTestApp(t);
  const user = await app.signInWithPortfolio('10000.00');
  const key = randomUUID();
  const created = await app.record(user, {
    portfolioId: user.portfolioId, type: 'buy', symbol: 'AAPL', quantity: '10', price: '100.00', fees: '5.00', executedAt: '2026-05-04T14:30:00Z',
  }, key);
  t.is(created.status, 201);
  t.false('idempotent-replayed' in created.headers);
  // cash 10000.00 - (10 × 100.00 + 5.00) = 8995.00; averageCost (1000.00 + 5.00) / 10 = 100.5000
  t.deepEqual(created.body, {
    id: deriveTransactionId(user.userId, key),
    portfolioId: user.portfolioId,
    type: 'buy',
    symbol: 'AAPL',
    quantity: '10',
    price: '100.00',
    amount: null,
    fees: '5.00',
    executedAt: '2026-05-04T14:30:00.000Z',
    createdAt: app.clock.now().toISOString(),
    status: 'completed',
    result: { cash: '8995.00', holding: { symbol: 'AAPL', quantity: '10', averageCost: '100.5000', realizedPnl: '0.00' }, realizedPnl: null },
    rejection: null,
  });
  t.is(created.headers.location, `/transactions/${created.body.id}`);
  const one = await app.http.get(`/transactions/${created.body.id}`).set('authorization', user.auth);
  t.is(one.status, 200);
  t.deepEqual(one.body, created.body);
  const history = await app.http.get('/transactions').set('authorization', user.auth);
  t.deepEqual(history.body, { items: [created.body], nextCursor: null });
});

test('a sell realises P/L against the average cost and keeps the average cost', async (t) => {
  const app = await createTransactionTestApp(t);
  const user = await app.signInWithPortfolio('10000.00');
  const buy = await app.record(user, { portfolioId: user.portfolioId, type: 'buy', symbol: 'MSFT', quantity: '10', price: '100' });
  // cash 10000.00 - 10 × 100.00 = 9000.00; averageCost 100.0000
  t.is(buy.body.result.cash, '9000.00');
  const sell = await app.record(user, { portfolioId: user.portfolioId, type: 'sell', symbol: 'MSFT', quantity: '4', price: '110.00', fees: '2.00' });
  t.is(sell.status, 201);
  // realised (110.00 - 100.00) × 4 - 2.00 = 38.00; cash 9000.00 + 440.00 - 2.00 = 9438.00; 6 left at 100.0000
  t.deepEqual(sell.body.result, {
    cash: '9438.00', holding: { symbol: 'MSFT', quantity: '6', averageCost: '100.0000', realizedPnl: '38.00' }, realizedPnl: '38.00',
  });
  const readBack = await app.http.get(`/transactions/${sell.body.id}`).set('authorization', user.auth);
  t.deepEqual(readBack.body.result, sell.body.result);
});

test('cash movements: deposit, withdrawal, fee and dividend change cash by their amount', async (t) => {
  const app = await createTransactionTestApp(t);
  const user = await app.signInWithPortfolio('1000.00');
  const p = user.portfolioId;
  const deposit = await app.record(user, { portfolioId: p, type: 'deposit', amount: '250.5' });
  t.is(deposit.status, 201);
  t.like(deposit.body, { type: 'deposit', symbol: null, quantity: null, price: null, amount: '250.50', fees: '0.00' });
  t.deepEqual(deposit.body.result, { cash: '1250.50', holding: null, realizedPnl: null }); // 1000.00 + 250.50
  const withdrawal = await app.record(user, { portfolioId: p, type: 'withdrawal', amount: '50.25' });
  t.is(withdrawal.body.result.cash, '1200.25'); // 1250.50 - 50.25
  const fee = await app.record(user, { portfolioId: p, type: 'fee', amount: '0.25', fees: '0' });
  t.is(fee.body.result.cash, '1200.00'); // 1200.25 - 0.25
  const dividend = await app.record(user, { portfolioId: p, type: 'dividend', symbol: 'VWRL', amount: '12.34' });
  t.like(dividend.body, { symbol: 'VWRL', amount: '12.34' });
  t.is(dividend.body.result.cash, '1212.34'); // 1200.00 + 12.34
  const history = await app.http.get('/transactions').set('authorization', user.auth);
  t.is(history.body.items.length, 4);
});

test('input is normalised: symbol upper-cased, decimals in wire form, executedAt defaults to now', async (t) => {
  const app = await createTransactionTestApp(t);
  const user = await app.signInWithPortfolio('10000.00');
  const created = await app.record(user, { portfolioId: user.portfolioId, type: 'buy', symbol: ' brk.b ', quantity: '2.500', price: '100.1', fees: '1' });
  t.is(created.status, 201);
  t.like(created.body, { symbol: 'BRK.B', quantity: '2.5', price: '100.10', fees: '1.00', executedAt: app.clock.now().toISOString() });
  // cash 10000.00 - (2.5 × 100.10 + 1.00) = 10000.00 - 251.25 = 9748.75
  t.is(created.body.result.cash, '9748.75');
  t.deepEqual(app.portfolio.calls[0].request, {
    transactionId: created.body.id, portfolioId: user.portfolioId, type: 'buy', symbol: 'BRK.B', quantity: '2.5', price: '100.10', fees: '1.00',
    executedAt: app.clock.now().toISOString(),
  });
});

test('a price of 0 and 6-dp quantities / 4-dp prices are accepted', async (t) => {
  const app = await createTransactionTestApp(t);
  const user = await app.signInWithPortfolio('100.00');
  const gift = await app.record(user, { portfolioId: user.portfolioId, type: 'buy', symbol: 'NESN', quantity: '1.234567', price: '0' });
  t.is(gift.status, 201);
  t.like(gift.body, { quantity: '1.234567', price: '0.00' });
  t.is(gift.body.result.cash, '100.00'); // 1.234567 × 0 = 0.00 spent
  const precise = await app.record(user, { portfolioId: user.portfolioId, type: 'buy', symbol: 'AAPL', quantity: '0.5', price: '10.1234' });
  t.is(precise.body.price, '10.1234');
  // 0.5 × 10.1234 = 5.0617 → 5.06 (half-even); cash 100.00 - 5.06 = 94.94
  t.is(precise.body.result.cash, '94.94');
});

test("the portfolio service is called with the service's own on-behalf-of token for the caller (never the caller's token) and the request id", async (t) => {
  const app = await createTransactionTestApp(t);
  const user = await app.signInWithPortfolio();
  const created = await app.http.post('/transactions').set('authorization', user.auth).set('x-request-id', 'req-forward-1')
    .send({ portfolioId: user.portfolioId, type: 'deposit', amount: '1.00' });
  t.is(created.status, 201);
  t.is(app.portfolio.calls.length, 1);
  const { accessToken, requestId } = app.portfolio.calls[0].ctx;
  t.is(requestId, 'req-forward-1');
  t.not(accessToken, user.accessToken);
  const jwks = (await app.http.get('/.well-known/jwks.json')).body;
  t.false(JSON.stringify(jwks).includes('"d"'), 'no private key material is published');
  const onBehalfOf = await verifyOnBehalfOfToken(accessToken, localKeys(jwks), TRANSACTION_TO_PORTFOLIO, app.clock.now);
  t.is(onBehalfOf.userId, user.userId);
  // short-lived: 60 s from the service's clock
  t.is(onBehalfOf.expiresAt.getTime(), Math.floor(app.clock.now().getTime() / 1000) * 1000 + 60_000);
});
