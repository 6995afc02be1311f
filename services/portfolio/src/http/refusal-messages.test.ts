/** Every refusal of the portfolio service, once per error code, with the message the user reads. */
import test from 'ava';
import { problem, problemOf } from '@ledgerline/test-kit';
import { randomUUID } from 'node:crypto';
import { createPortfolioTestApp } from '../testing.ts';

test('portfolio, holding and instrument refusals say what is wrong and what to do instead', async (t) => {
  const { http, user, createPortfolio, applyOk } = await createPortfolioTestApp(t);
  const portfolio = await createPortfolio();
  await applyOk(portfolio.id, { type: 'deposit', amount: '400.00' });
  await applyOk(portfolio.id, { type: 'buy', symbol: 'AAPL', quantity: '2', price: '100' });
  const url = `/portfolios/${portfolio.id}`;
  const as = (request: ReturnType<typeof http.get>) => request.set('authorization', user.auth);

  t.deepEqual(problemOf(await as(http.get(`/portfolios/${randomUUID()}`))), problem(404, 'not_found', 'Portfolio was not found.'));
  t.deepEqual(problemOf(await as(http.get('/instruments/ZZZZ'))), problem(404, 'not_found', 'Instrument ZZZZ was not found.'));
  t.deepEqual(problemOf(await as(http.delete(url))),
    problem(409, 'portfolio_not_empty', 'This portfolio still holds 1 position(s) and 200.00 in cash. Sell and withdraw first, or delete with ?force=true.'));
  const held = await as(http.post(`${url}/holdings`)).send({ symbol: 'AAPL', quantity: '1', averageCost: '1' });
  t.deepEqual(problemOf(held), problem(409, 'holding_exists', 'This portfolio already holds AAPL: record a buy instead.'));
  const unknown = await as(http.post(`${url}/holdings`)).send({ symbol: 'ZZZZ', quantity: '1', averageCost: '1' });
  t.deepEqual(problemOf(unknown), problem(422, 'unknown_symbol', 'There is no instrument with the symbol ZZZZ.'));
  t.deepEqual(problemOf(await as(http.post('/portfolios')).send({ name: '' , baseCurrency: 'USD' })), problem(422, 'validation_failed', 'One or more fields are invalid.'));
});

test('trade refusals name the amounts involved', async (t) => {
  const { createPortfolio, applyOk, trade } = await createPortfolioTestApp(t);
  const portfolio = await createPortfolio();
  const other = await createPortfolio({ name: 'Other' });
  await applyOk(portfolio.id, { type: 'deposit', amount: '400.00' });
  await applyOk(portfolio.id, { type: 'buy', symbol: 'AAPL', quantity: '2', price: '100' });
  t.deepEqual(problemOf(await trade(portfolio.id, { type: 'withdrawal', amount: '500.00' })), problem(409, 'insufficient_cash', 'Cash 200.00 is not enough: 500.00 is needed.'));
  t.deepEqual(problemOf(await trade(portfolio.id, { type: 'sell', symbol: 'AAPL', quantity: '2.5', price: '100' })), problem(409, 'insufficient_quantity', 'Cannot sell 2.5: only 2 held.'));
  const transactionId = randomUUID();
  await applyOk(portfolio.id, { transactionId, type: 'deposit', amount: '1.00' });
  t.deepEqual(problemOf(await trade(other.id, { transactionId, type: 'deposit', amount: '1.00' })),
    problem(409, 'transaction_id_conflict', `Transaction ${transactionId} was already applied to another portfolio.`));
  t.deepEqual(problemOf(await trade(portfolio.id, { type: 'deposit', amount: '1.00', symbol: 'AAPL' })), problem(422, 'validation_failed', 'Some fields do not fit a deposit.'));
});
