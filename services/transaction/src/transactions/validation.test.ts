import test, { type ExecutionContext } from 'ava';
import { createTransactionTestApp, type TransactionTestApp, type TestUser } from '../testing.ts';

type Fault = [field: string, code: string];

/** Posts a body and checks it is a 422 naming exactly these (field, code) pairs; nothing reaches the portfolio. */
async function refused(t: ExecutionContext, app: TransactionTestApp, user: TestUser, body: unknown, faults: Fault[], key?: string) {
  const request = app.http.post('/transactions').set('authorization', user.auth);
  if (key !== undefined) request.set('idempotency-key', key);
  const response = await request.send(body as object);
  t.is(response.status, 422, JSON.stringify(body));
  t.is(response.body.code, 'validation_failed');
  const got = (response.body.errors as Array<{ field: string; code: string }>).map((e): Fault => [e.field, e.code]);
  t.deepEqual(got.sort(), [...faults].sort(), JSON.stringify(body));
}

async function setup(t: ExecutionContext) {
  const app = await createTransactionTestApp(t);
  const user = await app.signInWithPortfolio();
  return { app, user, p: user.portfolioId };
}

async function nothingHappened(t: ExecutionContext, app: TransactionTestApp, user: TestUser) {
  t.is(app.portfolio.calls.length, 0);
  const history = await app.http.get('/transactions').set('authorization', user.auth);
  t.deepEqual(history.body.items, []);
}

test('buy and sell need symbol, quantity and price, and take no amount', async (t) => {
  const { app, user, p } = await setup(t);
  for (const type of ['buy', 'sell']) {
    await refused(t, app, user, { portfolioId: p, type }, [['symbol', 'required'], ['quantity', 'required'], ['price', 'required']]);
    await refused(t, app, user, { portfolioId: p, type, symbol: 'AAPL', quantity: '1', price: '1', amount: '1.00' }, [['amount', 'not_allowed']]);
  }
  await nothingHappened(t, app, user);
});

test('buy/sell quantity must be > 0 with at most 6 dp; price >= 0 with at most 4 dp', async (t) => {
  const { app, user, p } = await setup(t);
  const trade = (fields: Record<string, unknown>) => ({ portfolioId: p, type: 'sell', symbol: 'AAPL', quantity: '1', price: '1', ...fields });
  await refused(t, app, user, trade({ quantity: '0' }), [['quantity', 'must_be_positive']]);
  await refused(t, app, user, trade({ quantity: '0.000000' }), [['quantity', 'must_be_positive']]);
  await refused(t, app, user, trade({ quantity: '1.1234567' }), [['quantity', 'too_many_decimals']]);
  await refused(t, app, user, trade({ quantity: '-1' }), [['quantity', 'invalid_decimal']]);
  await refused(t, app, user, trade({ quantity: '1e3' }), [['quantity', 'invalid_decimal']]);
  await refused(t, app, user, trade({ quantity: 10 }), [['quantity', 'invalid_type']]);
  await refused(t, app, user, trade({ quantity: '1234567890123456' }), [['quantity', 'too_large']]);
  await refused(t, app, user, trade({ price: '-0.01' }), [['price', 'invalid_decimal']]);
  await refused(t, app, user, trade({ price: '1.12345' }), [['price', 'too_many_decimals']]);
  await refused(t, app, user, trade({ price: '' }), [['price', 'invalid_decimal']]);
  await nothingHappened(t, app, user);
});

test('symbols are 1–12 characters A–Z 0–9 . -', async (t) => {
  const { app, user, p } = await setup(t);
  const buy = (symbol: unknown) => ({ portfolioId: p, type: 'buy', symbol, quantity: '1', price: '1' });
  await refused(t, app, user, buy('THIRTEENCHARS'), [['symbol', 'invalid_symbol']]);
  await refused(t, app, user, buy('AA PL'), [['symbol', 'invalid_symbol']]);
  await refused(t, app, user, buy('AAPL$'), [['symbol', 'invalid_symbol']]);
  await refused(t, app, user, buy(''), [['symbol', 'invalid_symbol']]);
  await refused(t, app, user, buy(42), [['symbol', 'invalid_type']]);
  await nothingHappened(t, app, user);
});

test('deposit, withdrawal and fee need amount > 0 (2 dp) and take no symbol, quantity, price or fees', async (t) => {
  const { app, user, p } = await setup(t);
  for (const type of ['deposit', 'withdrawal', 'fee']) {
    await refused(t, app, user, { portfolioId: p, type }, [['amount', 'required']]);
    await refused(t, app, user, { portfolioId: p, type, amount: '0.00' }, [['amount', 'must_be_positive']]);
    await refused(t, app, user, { portfolioId: p, type, amount: '1.001' }, [['amount', 'too_many_decimals']]);
    await refused(t, app, user, { portfolioId: p, type, amount: 5 }, [['amount', 'invalid_type']]);
    await refused(t, app, user, { portfolioId: p, type, amount: '5.00', symbol: 'AAPL', quantity: '1', price: '1' }, [
      ['symbol', 'not_allowed'], ['quantity', 'not_allowed'], ['price', 'not_allowed'],
    ]);
    await refused(t, app, user, { portfolioId: p, type, amount: '5.00', fees: '1.00' }, [['fees', 'not_allowed']]);
  }
  await nothingHappened(t, app, user);
});

test('a dividend needs symbol and amount > 0 and takes no quantity or price', async (t) => {
  const { app, user, p } = await setup(t);
  await refused(t, app, user, { portfolioId: p, type: 'dividend' }, [['symbol', 'required'], ['amount', 'required']]);
  await refused(t, app, user, { portfolioId: p, type: 'dividend', symbol: 'AAPL', amount: '0' }, [['amount', 'must_be_positive']]);
  await refused(t, app, user, { portfolioId: p, type: 'dividend', symbol: 'AAPL', amount: '1.00', quantity: '1', price: '2' }, [
    ['quantity', 'not_allowed'], ['price', 'not_allowed'],
  ]);
  await nothingHappened(t, app, user);
});

test('fees are >= 0 with at most 2 dp', async (t) => {
  const { app, user, p } = await setup(t);
  const buy = (fees: unknown) => ({ portfolioId: p, type: 'buy', symbol: 'AAPL', quantity: '1', price: '1', fees });
  await refused(t, app, user, buy('-1.00'), [['fees', 'invalid_decimal']]);
  await refused(t, app, user, buy('1.001'), [['fees', 'too_many_decimals']]);
  await refused(t, app, user, buy(1), [['fees', 'invalid_type']]);
  await nothingHappened(t, app, user);
});

test('executedAt is ISO-8601, not before 1970, not more than a minute in the future', async (t) => {
  const { app, user, p } = await setup(t);
  const deposit = (executedAt: unknown) => ({ portfolioId: p, type: 'deposit', amount: '1.00', executedAt });
  await refused(t, app, user, deposit('yesterday'), [['executedAt', 'invalid_date']]);
  await refused(t, app, user, deposit('2026-05-01T10:00:00'), [['executedAt', 'invalid_date']]); // no zone
  await refused(t, app, user, deposit('2026-02-30'), [['executedAt', 'invalid_date']]);
  await refused(t, app, user, deposit('1969-12-31T23:59:59Z'), [['executedAt', 'too_early']]);
  const now = app.clock.now().getTime();
  await refused(t, app, user, deposit(new Date(now + 61_000).toISOString()), [['executedAt', 'in_future']]);
  await nothingHappened(t, app, user);
  // within the skew, a date only, and an offset are fine (the test clock is 2026-06-01T12:00:00Z)
  const skewed = await app.record(user, deposit(new Date(now + 30_000).toISOString()));
  t.is(skewed.status, 201);
  const dateOnly = await app.record(user, deposit('2026-05-01'));
  t.is(dateOnly.body.executedAt, '2026-05-01T00:00:00.000Z');
  const offset = await app.record(user, deposit('2026-05-01T10:00:00+02:00'));
  t.is(offset.body.executedAt, '2026-05-01T08:00:00.000Z');
  const epoch = await app.record(user, deposit('1970-01-01T00:00:00Z'));
  t.is(epoch.status, 201);
});

test('portfolioId and type are required, unknown types and unknown fields are refused', async (t) => {
  const { app, user, p } = await setup(t);
  await refused(t, app, user, {}, [['portfolioId', 'invalid_type'], ['type', 'invalid_value']]);
  await refused(t, app, user, { portfolioId: p, type: 'transfer', amount: '1.00' }, [['type', 'invalid_value']]);
  await refused(t, app, user, { portfolioId: 'not a portfolio id!', type: 'deposit', amount: '1.00' }, [['portfolioId', 'invalid_format']]);
  await refused(t, app, user, { portfolioId: p, type: 'deposit', amount: '1.00', note: 'hi' }, [['note', 'unknown_field']]);
  await refused(t, app, user, [], [['(body)', 'invalid_type']]);
  await nothingHappened(t, app, user);
});

test('a malformed Idempotency-Key is refused naming the header', async (t) => {
  const { app, user, p } = await setup(t);
  const body = { portfolioId: p, type: 'deposit', amount: '1.00' };
  await refused(t, app, user, body, [['Idempotency-Key', 'invalid_idempotency_key']], 'has space');
  await refused(t, app, user, body, [['Idempotency-Key', 'invalid_idempotency_key']], 'k'.repeat(101));
  await refused(t, app, user, body, [['Idempotency-Key', 'invalid_idempotency_key']], 'key/with/slash');
  await nothingHappened(t, app, user);
  t.is((await app.record(user, body, 'a.B_c:d-1')).status, 201);
  t.is((await app.record(user, body, 'k'.repeat(100))).status, 201);
});

test('a body that is not JSON is a 400 / 415, not a 500', async (t) => {
  const { app, user } = await setup(t);
  const malformed = await app.http.post('/transactions').set('authorization', user.auth).set('content-type', 'application/json').send('{"type":');
  t.is(malformed.status, 400);
  const text = await app.http.post('/transactions').set('authorization', user.auth).set('content-type', 'text/plain').send('deposit 5');
  t.is(text.status, 415);
  await nothingHappened(t, app, user);
});
