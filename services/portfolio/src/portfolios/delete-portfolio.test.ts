import test from 'ava';
import { createPortfolioTestApp } from '../testing.ts';

test('an empty portfolio is deleted (204) and is gone afterwards', async (t) => {
  const { http, user, createPortfolio } = await createPortfolioTestApp(t);
  const portfolio = await createPortfolio();
  const deleted = await http.delete(`/portfolios/${portfolio.id}`).set('authorization', user.auth);
  t.is(deleted.status, 204);
  t.is((await http.get(`/portfolios/${portfolio.id}`).set('authorization', user.auth)).status, 404);
  t.deepEqual((await http.get('/portfolios').set('authorization', user.auth)).body.items, []);
  t.is((await http.delete(`/portfolios/${portfolio.id}`).set('authorization', user.auth)).status, 404);
});

test('a portfolio holding cash is refused with 409 portfolio_not_empty and stays as it was', async (t) => {
  const { http, user, createPortfolio, applyOk } = await createPortfolioTestApp(t);
  const portfolio = await createPortfolio();
  await applyOk(portfolio.id, { type: 'deposit', amount: '0.01' });
  const refused = await http.delete(`/portfolios/${portfolio.id}`).set('authorization', user.auth);
  t.is(refused.status, 409);
  t.is(refused.body.code, 'portfolio_not_empty');
  t.regex(refused.body.detail, /force=true/);
  t.like((await http.get(`/portfolios/${portfolio.id}`).set('authorization', user.auth)).body, { cash: '0.01' });
});

test('a portfolio holding a position is refused; once sold and withdrawn to zero it can be deleted', async (t) => {
  const { http, user, createPortfolio, applyOk } = await createPortfolioTestApp(t);
  const portfolio = await createPortfolio();
  const url = `/portfolios/${portfolio.id}`;
  t.is((await http.post(`${url}/holdings`).set('authorization', user.auth).send({ symbol: 'AAPL', quantity: '1', averageCost: '100' })).status, 201);
  t.is((await http.delete(url).set('authorization', user.auth)).body.code, 'portfolio_not_empty');
  // sell 1 @ 150: cash 0 + 150 = 150.00, then withdraw all 150.00: no positions, no cash
  await applyOk(portfolio.id, { type: 'sell', symbol: 'AAPL', quantity: '1', price: '150' });
  await applyOk(portfolio.id, { type: 'withdrawal', amount: '150.00' });
  t.is((await http.delete(url).set('authorization', user.auth)).status, 204, 'a closed position (quantity 0) does not block');
  t.is((await http.get(url).set('authorization', user.auth)).status, 404);
});

test('?force=true deletes a portfolio with cash and positions, holdings and all', async (t) => {
  const { http, user, createPortfolio, applyOk } = await createPortfolioTestApp(t);
  const portfolio = await createPortfolio();
  await applyOk(portfolio.id, { type: 'deposit', amount: '1000.00' });
  await applyOk(portfolio.id, { type: 'buy', symbol: 'MSFT', quantity: '2', price: '400' });
  const url = `/portfolios/${portfolio.id}`;
  t.is((await http.delete(`${url}?force=false`).set('authorization', user.auth)).status, 409);
  t.is((await http.delete(`${url}?force=true`).set('authorization', user.auth)).status, 204);
  t.is((await http.get(url).set('authorization', user.auth)).status, 404);
  t.is((await http.get(`${url}/holdings`).set('authorization', user.auth)).status, 404);
});

test('a force value other than true or false is a 422', async (t) => {
  const { http, user, createPortfolio } = await createPortfolioTestApp(t);
  const portfolio = await createPortfolio();
  const response = await http.delete(`/portfolios/${portfolio.id}?force=yes`).set('authorization', user.auth);
  t.is(response.status, 422);
  t.is(response.body.errors[0].field, 'force');
  t.is((await http.get(`/portfolios/${portfolio.id}`).set('authorization', user.auth)).status, 200);
});
