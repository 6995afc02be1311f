import test from 'ava';
import { createPortfolioTestApp } from '../testing.ts';

test('an opening position is entered directly (201, valued) without moving cash, and is listed', async (t) => {
  const { http, user, createPortfolio } = await createPortfolioTestApp(t);
  const portfolio = await createPortfolio();
  const url = `/portfolios/${portfolio.id}/holdings`;
  const created = await http.post(url).set('authorization', user.auth).send({ symbol: 'aapl', quantity: '10', averageCost: '150.25' });
  t.is(created.status, 201);
  // AAPL last price 189.84 (seeded): cost 10 × 150.25 = 1502.50; value 10 × 189.84 = 1898.40;
  // unrealised 1898.40 − 1502.50 = 395.90; 395.90 / 1502.50 = 26.349…% → 26.35
  const expected = {
    symbol: 'AAPL',
    name: 'Apple Inc.',
    assetClass: 'equity',
    quantity: '10',
    averageCost: '150.2500',
    costBasis: '1502.50',
    lastPrice: '189.84',
    marketValue: '1898.40',
    unrealizedPnl: '395.90',
    unrealizedPnlPercent: '26.35',
    realizedPnl: '0.00',
  };
  t.deepEqual(created.body, expected);
  t.deepEqual((await http.get(url).set('authorization', user.auth)).body, { items: [expected] });
  t.is((await http.get(`/portfolios/${portfolio.id}`).set('authorization', user.auth)).body.cash, '0.00');
});

test('a second opening position in a held symbol is a 409 holding_exists and changes nothing', async (t) => {
  const { http, user, createPortfolio } = await createPortfolioTestApp(t);
  const portfolio = await createPortfolio();
  const url = `/portfolios/${portfolio.id}/holdings`;
  await http.post(url).set('authorization', user.auth).send({ symbol: 'VTI', quantity: '3', averageCost: '200' });
  const again = await http.post(url).set('authorization', user.auth).send({ symbol: 'VTI', quantity: '1', averageCost: '1' });
  t.is(again.status, 409);
  t.is(again.body.code, 'holding_exists');
  t.like((await http.get(url).set('authorization', user.auth)).body.items[0], { symbol: 'VTI', quantity: '3', averageCost: '200.0000' });
});

test('a closed position is not listed, and can be opened again keeping its realised P/L', async (t) => {
  const { http, user, createPortfolio, applyOk, setPrice } = await createPortfolioTestApp(t);
  const portfolio = await createPortfolio();
  const url = `/portfolios/${portfolio.id}/holdings`;
  await http.post(url).set('authorization', user.auth).send({ symbol: 'KO', quantity: '4', averageCost: '60' });
  // sell 4 @ 65: realised (65 − 60) × 4 = 20.00
  const sold = await applyOk(portfolio.id, { type: 'sell', symbol: 'KO', quantity: '4', price: '65' });
  t.deepEqual(sold.holding, { symbol: 'KO', quantity: '0', averageCost: '60.0000', realizedPnl: '20.00' });
  t.deepEqual((await http.get(url).set('authorization', user.auth)).body.items, []);

  await setPrice('KO', '70');
  const reopened = await http.post(url).set('authorization', user.auth).send({ symbol: 'KO', quantity: '0.5', averageCost: '62' });
  t.is(reopened.status, 201);
  // 0.5 × 62 = 31.00 cost; 0.5 × 70 = 35.00 value; +4.00 = 12.90% (4 / 31 = 12.903…)
  t.like(reopened.body, { quantity: '0.5', costBasis: '31.00', marketValue: '35.00', unrealizedPnl: '4.00', unrealizedPnlPercent: '12.90', realizedPnl: '20.00' });
});

test('an opening position in an unknown symbol is a 422 unknown_symbol on the symbol field', async (t) => {
  const { http, user, createPortfolio } = await createPortfolioTestApp(t);
  const portfolio = await createPortfolio();
  const response = await http.post(`/portfolios/${portfolio.id}/holdings`).set('authorization', user.auth).send({ symbol: 'NOPE', quantity: '1', averageCost: '1' });
  t.is(response.status, 422);
  t.is(response.body.code, 'unknown_symbol');
  t.deepEqual(response.body.errors, [{ field: 'symbol', code: 'unknown_symbol', message: 'Unknown symbol NOPE.' }]);
});

const invalidBodies: Array<[string, Record<string, unknown>, string[]]> = [
  ['nothing', {}, ['averageCost', 'quantity', 'symbol']],
  ['a zero quantity', { symbol: 'AAPL', quantity: '0', averageCost: '1' }, ['quantity']],
  ['a quantity with 7 dp', { symbol: 'AAPL', quantity: '0.1234567', averageCost: '1' }, ['quantity']],
  ['a quantity as a JSON number', { symbol: 'AAPL', quantity: 10, averageCost: '1' }, ['quantity']],
  ['a negative average cost', { symbol: 'AAPL', quantity: '1', averageCost: '-5' }, ['averageCost']],
  ['an average cost with 5 dp', { symbol: 'AAPL', quantity: '1', averageCost: '1.00001' }, ['averageCost']],
  ['a malformed symbol', { symbol: 'AA PL', quantity: '1', averageCost: '1' }, ['symbol']],
  ['an unknown field', { symbol: 'AAPL', quantity: '1', averageCost: '1', cash: '5' }, ['cash']],
];
for (const [what, body, fields] of invalidBodies) {
  test(`an opening position with ${what} is a 422 naming ${fields.join(', ')}`, async (t) => {
    const { http, user, createPortfolio } = await createPortfolioTestApp(t);
    const portfolio = await createPortfolio();
    const url = `/portfolios/${portfolio.id}/holdings`;
    const response = await http.post(url).set('authorization', user.auth).send(body);
    t.is(response.status, 422);
    t.deepEqual(response.body.errors.map((e: { field: string }) => e.field).sort(), fields);
    t.deepEqual((await http.get(url).set('authorization', user.auth)).body.items, []);
  });
}

test('an opening position at cost 0 shows a "0.00" percentage rather than dividing by zero', async (t) => {
  const { http, user, createPortfolio } = await createPortfolioTestApp(t);
  const portfolio = await createPortfolio();
  const response = await http.post(`/portfolios/${portfolio.id}/holdings`).set('authorization', user.auth).send({ symbol: 'AAPL', quantity: '0.5', averageCost: '0' });
  t.is(response.status, 201);
  // 0.5 × 189.84 = 94.92 value on 0.00 cost
  t.like(response.body, { costBasis: '0.00', marketValue: '94.92', unrealizedPnl: '94.92', unrealizedPnlPercent: '0.00' });
});
