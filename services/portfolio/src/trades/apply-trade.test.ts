import test from 'ava';
import { randomUUID } from 'node:crypto';
import { createPortfolioTestApp } from '../testing.ts';

test('a deposit is applied: 200 with the agreed result shape, and the cash shows on the portfolio', async (t) => {
  const { http, user, createPortfolio, serviceToken, clock } = await createPortfolioTestApp(t);
  const portfolio = await createPortfolio();
  const transactionId = randomUUID();
  const response = await http.post(`/internal/portfolios/${portfolio.id}/trades`)
    .set('authorization', `Bearer ${await serviceToken(user.userId)}`)
    .set('x-request-id', 'req-123')
    .send({ transactionId, type: 'deposit', amount: '1000.50', executedAt: clock.now().toISOString() });
  t.is(response.status, 200);
  t.is(response.headers['x-request-id'], 'req-123');
  t.deepEqual(response.body, { transactionId, portfolioId: portfolio.id, applied: true, cash: '1000.50', holding: null, realizedPnl: null });
  t.is((await http.get(`/portfolios/${portfolio.id}`).set('authorization', user.auth)).body.cash, '1000.50');
});

test('the same transaction id twice: the second answers applied:false with the stored result and changes nothing', async (t) => {
  const { http, user, createPortfolio, trade, applyOk } = await createPortfolioTestApp(t);
  const portfolio = await createPortfolio();
  await applyOk(portfolio.id, { type: 'deposit', amount: '500.00' });
  const transactionId = randomUUID();
  const body = { transactionId, type: 'buy', symbol: 'MSFT', quantity: '1', price: '400', fees: '1.00' };
  const first = await trade(portfolio.id, body);
  // cash 500 − (400 + 1) = 99.00; avg 401
  t.like(first.body, { applied: true, cash: '99.00', holding: { symbol: 'MSFT', quantity: '1', averageCost: '401.0000', realizedPnl: '0.00' } });
  const second = await trade(portfolio.id, body);
  t.is(second.status, 200);
  t.deepEqual(second.body, { ...first.body, applied: false });
  // a retry that differs in its body is still the same transaction: nothing is applied again
  const third = await trade(portfolio.id, { ...body, quantity: '100' });
  t.deepEqual(third.body, { ...first.body, applied: false });
  t.is((await http.get(`/portfolios/${portfolio.id}`).set('authorization', user.auth)).body.cash, '99.00');
  const holdings = (await http.get(`/portfolios/${portfolio.id}/holdings`).set('authorization', user.auth)).body.items;
  t.deepEqual(holdings.map((row: { symbol: string; quantity: string }) => [row.symbol, row.quantity]), [['MSFT', '1']]);
});

test('the same transaction id for another portfolio is a 409 transaction_id_conflict', async (t) => {
  const { http, user, createPortfolio, trade } = await createPortfolioTestApp(t);
  const first = await createPortfolio({ name: 'First' });
  const second = await createPortfolio({ name: 'Second' });
  const transactionId = randomUUID();
  t.is((await trade(first.id, { transactionId, type: 'deposit', amount: '10.00' })).status, 200);
  const clash = await trade(second.id, { transactionId, type: 'deposit', amount: '10.00' });
  t.is(clash.status, 409);
  t.is(clash.body.code, 'transaction_id_conflict');
  t.is((await http.get(`/portfolios/${second.id}`).set('authorization', user.auth)).body.cash, '0.00');
});

test('selling more than is held is a 409 insufficient_quantity and changes nothing', async (t) => {
  const { http, user, createPortfolio, trade, applyOk } = await createPortfolioTestApp(t);
  const portfolio = await createPortfolio();
  await applyOk(portfolio.id, { type: 'deposit', amount: '1000.00' });
  await applyOk(portfolio.id, { type: 'buy', symbol: 'NVDA', quantity: '2.5', price: '100' }); // cash 1000 − 250 = 750.00
  const oversell = await trade(portfolio.id, { type: 'sell', symbol: 'NVDA', quantity: '2.500001', price: '100' });
  t.is(oversell.status, 409);
  t.is(oversell.body.code, 'insufficient_quantity');
  t.regex(oversell.body.detail, /only 2\.5 held/);
  const notHeld = await trade(portfolio.id, { type: 'sell', symbol: 'AMD', quantity: '1', price: '100' });
  t.is(notHeld.body.code, 'insufficient_quantity');
  t.is((await http.get(`/portfolios/${portfolio.id}`).set('authorization', user.auth)).body.cash, '750.00');
  const holdings = (await http.get(`/portfolios/${portfolio.id}/holdings`).set('authorization', user.auth)).body.items;
  t.deepEqual(holdings.map((row: { symbol: string; quantity: string }) => [row.symbol, row.quantity]), [['NVDA', '2.5']]);
});

test('a buy, withdrawal or fee beyond the cash is a 409 insufficient_cash; the refused id can be applied later', async (t) => {
  const { http, user, createPortfolio, trade, applyOk } = await createPortfolioTestApp(t);
  const portfolio = await createPortfolio();
  await applyOk(portfolio.id, { type: 'deposit', amount: '100.00' });
  const transactionId = randomUUID();
  // 1 × 100 + 0.01 fee = 100.01 > 100.00
  const buy = { transactionId, type: 'buy', symbol: 'AAPL', quantity: '1', price: '100', fees: '0.01' };
  const refused = await trade(portfolio.id, buy);
  t.is(refused.status, 409);
  t.is(refused.body.code, 'insufficient_cash');
  for (const body of [{ type: 'withdrawal', amount: '100.01' }, { type: 'fee', amount: '150.00' }]) {
    t.is((await trade(portfolio.id, body)).body.code, 'insufficient_cash');
  }
  t.is((await http.get(`/portfolios/${portfolio.id}`).set('authorization', user.auth)).body.cash, '100.00');
  t.deepEqual((await http.get(`/portfolios/${portfolio.id}/holdings`).set('authorization', user.auth)).body.items, []);

  await applyOk(portfolio.id, { type: 'deposit', amount: '0.01' });
  const retried = await trade(portfolio.id, buy);
  t.like(retried.body, { applied: true, cash: '0.00' }, 'a refusal did not consume the transaction id');
});

test('a dividend adds cash without touching the holding; a fee and a withdrawal take cash', async (t) => {
  const { createPortfolio, applyOk } = await createPortfolioTestApp(t);
  const portfolio = await createPortfolio();
  await applyOk(portfolio.id, { type: 'deposit', amount: '300.00' });
  await applyOk(portfolio.id, { type: 'buy', symbol: 'KO', quantity: '3', price: '60' }); // 300 − 180 = 120.00
  const dividend = await applyOk(portfolio.id, { type: 'dividend', symbol: 'KO', amount: '1.46' }); // 121.46
  t.like(dividend, { cash: '121.46', holding: null, realizedPnl: null });
  t.like(await applyOk(portfolio.id, { type: 'fee', amount: '0.46' }), { cash: '121.00' });
  t.like(await applyOk(portfolio.id, { type: 'withdrawal', amount: '121.00' }), { cash: '0.00' });
});

test('an unknown symbol is a 422 unknown_symbol naming the symbol field', async (t) => {
  const { createPortfolio, trade, applyOk } = await createPortfolioTestApp(t);
  const portfolio = await createPortfolio();
  await applyOk(portfolio.id, { type: 'deposit', amount: '100.00' });
  for (const body of [{ type: 'buy', symbol: 'NOPE', quantity: '1', price: '1' }, { type: 'dividend', symbol: 'NOPE', amount: '1.00' }]) {
    const response = await trade(portfolio.id, body);
    t.is(response.status, 422);
    t.is(response.body.code, 'unknown_symbol');
    t.deepEqual(response.body.errors.map((e: { field: string; code: string }) => [e.field, e.code]), [['symbol', 'unknown_symbol']]);
  }
});

const invalid: Array<[string, Record<string, unknown>, Array<[string, string]>]> = [
  ['a buy without symbol, quantity and price', { type: 'buy' }, [['price', 'required'], ['quantity', 'required'], ['symbol', 'required']]],
  ['a sell without a price', { type: 'sell', symbol: 'AAPL', quantity: '1' }, [['price', 'required']]],
  ['a deposit without an amount', { type: 'deposit' }, [['amount', 'required']]],
  ['a dividend without a symbol', { type: 'dividend', amount: '1.00' }, [['symbol', 'required']]],
  ['a deposit with a symbol and quantity', { type: 'deposit', amount: '1.00', symbol: 'AAPL', quantity: '1' }, [['quantity', 'not_allowed'], ['symbol', 'not_allowed']]],
  ['a buy with an amount', { type: 'buy', symbol: 'AAPL', quantity: '1', price: '1', amount: '1.00' }, [['amount', 'not_allowed']]],
  ['a withdrawal with non-zero fees', { type: 'withdrawal', amount: '1.00', fees: '0.50' }, [['fees', 'not_allowed']]],
  ['a zero quantity', { type: 'buy', symbol: 'AAPL', quantity: '0', price: '1' }, [['quantity', 'custom']]],
  ['a negative price', { type: 'buy', symbol: 'AAPL', quantity: '1', price: '-1' }, [['price', 'invalid_format']]],
  ['a price with 5 dp', { type: 'buy', symbol: 'AAPL', quantity: '1', price: '1.00001' }, [['price', 'custom']]],
  ['a quantity as a JSON number', { type: 'buy', symbol: 'AAPL', quantity: 1, price: '1' }, [['quantity', 'invalid_type']]],
  ['an amount with 3 dp', { type: 'deposit', amount: '1.005' }, [['amount', 'custom']]],
  ['a zero amount', { type: 'deposit', amount: '0.00' }, [['amount', 'custom']]],
  ['negative fees', { type: 'buy', symbol: 'AAPL', quantity: '1', price: '1', fees: '-1.00' }, [['fees', 'invalid_format']]],
  ['an unknown type', { type: 'transfer', amount: '1.00' }, [['type', 'invalid_value']]],
  ['a transaction id that is not a UUID', { type: 'deposit', amount: '1.00', transactionId: 'tx-1' }, [['transactionId', 'invalid_format']]],
  ['an executedAt that is not ISO-8601', { type: 'deposit', amount: '1.00', executedAt: '01/06/2026' }, [['executedAt', 'invalid_format']]],
  ['an unknown field', { type: 'deposit', amount: '1.00', note: 'hi' }, [['note', 'unknown_field']]],
];
for (const [what, body, expected] of invalid) {
  test(`applying ${what} is a 422 naming ${expected.map(([field]) => field).join(', ')}, and nothing changes`, async (t) => {
    const { http, user, createPortfolio, trade, applyOk } = await createPortfolioTestApp(t);
    const portfolio = await createPortfolio();
    await applyOk(portfolio.id, { type: 'deposit', amount: '100.00' });
    const response = await trade(portfolio.id, body);
    t.is(response.status, 422);
    t.is(response.body.code, 'validation_failed');
    t.deepEqual(response.body.errors.map((e: { field: string; code: string }) => [e.field, e.code]).sort(), expected);
    t.is((await http.get(`/portfolios/${portfolio.id}`).set('authorization', user.auth)).body.cash, '100.00');
  });
}

test('fees of zero are accepted on any type; executedAt may carry an offset', async (t) => {
  const { createPortfolio, applyOk } = await createPortfolioTestApp(t);
  const portfolio = await createPortfolio();
  t.like(await applyOk(portfolio.id, { type: 'deposit', amount: '5.00', fees: '0.00', executedAt: '2026-05-31T09:30:00+02:00' }), { cash: '5.00' });
});

test('the trade endpoint needs a well-formed portfolio id and an existing portfolio (who may call: internal-auth.test.ts)', async (t) => {
  const { http, user, serviceToken } = await createPortfolioTestApp(t);
  const auth = `Bearer ${await serviceToken(user.userId)}`;
  const body = { transactionId: randomUUID(), type: 'deposit', amount: '1.00', executedAt: '2026-06-01T12:00:00Z' };
  const malformed = await http.post('/internal/portfolios/nope/trades').set('authorization', auth).send(body);
  t.is(malformed.status, 422);
  t.is(malformed.body.errors[0].field, 'portfolioId');
  const missing = await http.post(`/internal/portfolios/${randomUUID()}/trades`).set('authorization', auth).send(body);
  t.is(missing.status, 404);
  t.is(missing.body.code, 'not_found');
});

test('concurrent requests: the same transaction id applies once, different ones all apply', async (t) => {
  const { http, user, createPortfolio, trade } = await createPortfolioTestApp(t);
  const portfolio = await createPortfolio();
  const transactionId = randomUUID();
  const same = await Promise.all([1, 2, 3].map(() => trade(portfolio.id, { transactionId, type: 'deposit', amount: '10.00' })));
  t.deepEqual(same.map((response) => response.status), [200, 200, 200]);
  t.is(same.filter((response) => response.body.applied).length, 1);
  // then 5 different deposits of 1.00 at once: 10 + 5 × 1 = 15.00
  const different = await Promise.all([1, 2, 3, 4, 5].map(() => trade(portfolio.id, { type: 'deposit', amount: '1.00' })));
  t.true(different.every((response) => response.status === 200 && response.body.applied));
  t.is((await http.get(`/portfolios/${portfolio.id}`).set('authorization', user.auth)).body.cash, '15.00');
});
