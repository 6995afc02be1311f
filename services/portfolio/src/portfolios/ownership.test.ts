import test from 'ava';
import { randomUUID } from 'node:crypto';
import { createPortfolioTestApp } from '../testing.ts';

test('another user\'s portfolio is a 404 on every verb and sub-resource, and is left untouched', async (t) => {
  const { http, user, signIn, createPortfolio, applyOk, trade } = await createPortfolioTestApp(t);
  const portfolio = await createPortfolio({ name: 'Private' });
  await applyOk(portfolio.id, { type: 'deposit', amount: '500.00' });
  await applyOk(portfolio.id, { type: 'buy', symbol: 'AAPL', quantity: '1', price: '100' });
  const intruder = await signIn(); // a second user from the same issuer
  const url = `/portfolios/${portfolio.id}`;

  const attempts = [
    http.get(url),
    http.patch(url).send({ name: 'Mine now' }),
    http.delete(url),
    http.delete(`${url}?force=true`),
    http.get(`${url}/holdings`),
    http.post(`${url}/holdings`).send({ symbol: 'MSFT', quantity: '1', averageCost: '1' }),
    http.get(`${url}/performance`),
  ];
  for (const attempt of attempts) {
    const response = await attempt.set('authorization', intruder.auth);
    t.is(response.status, 404);
    t.is(response.body.code, 'not_found');
  }
  for (const body of [{ type: 'withdrawal', amount: '400.00' }, { type: 'sell', symbol: 'AAPL', quantity: '1', price: '1' }]) {
    const response = await trade(portfolio.id, body, intruder);
    t.is(response.status, 404);
    t.is(response.body.code, 'not_found');
  }
  // an admin is no exception: portfolios are owner-only
  const admin = await signIn('admin');
  t.is((await http.get(url).set('authorization', admin.auth)).status, 404);

  t.deepEqual((await http.get('/portfolios').set('authorization', intruder.auth)).body.items, []);
  const read = await http.get(url).set('authorization', user.auth);
  t.like(read.body, { name: 'Private', cash: '400.00' }); // 500 − 1 × 100
  const holdings = await http.get(`${url}/holdings`).set('authorization', user.auth);
  t.deepEqual(holdings.body.items.map((row: { symbol: string; quantity: string }) => [row.symbol, row.quantity]), [['AAPL', '1']]);
});

test('a 404 for someone else\'s portfolio looks exactly like one for a portfolio that does not exist', async (t) => {
  const { http, signIn, createPortfolio } = await createPortfolioTestApp(t);
  const portfolio = await createPortfolio();
  const intruder = await signIn();
  const foreign = await http.get(`/portfolios/${portfolio.id}/performance`).set('authorization', intruder.auth);
  const missingId = randomUUID();
  const missing = await http.get(`/portfolios/${missingId}/performance`).set('authorization', intruder.auth);
  t.is(foreign.status, 404);
  t.deepEqual({ ...foreign.body, instance: '', requestId: '' }, { ...missing.body, instance: '', requestId: '' });
});
