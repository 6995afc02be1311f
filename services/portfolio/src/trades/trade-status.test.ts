import test from 'ava';
import { randomUUID } from 'node:crypto';
import { createPortfolioTestApp } from '../testing.ts';

test('the status of an applied id is its stored result (applied: false) and reading it changes nothing', async (t) => {
  const { http, user, createPortfolio, applyOk, serviceToken } = await createPortfolioTestApp(t);
  const portfolio = await createPortfolio();
  await applyOk(portfolio.id, { type: 'deposit', amount: '1000.00' });
  // buy 3 @ 100 + 1.00 fees: cash 1000 − 301 = 699.00; average cost 301 / 3 = 100.3333
  const bought = await applyOk(portfolio.id, { type: 'buy', symbol: 'AAPL', quantity: '3', price: '100', fees: '1.00' });
  const auth = `Bearer ${await serviceToken(user.userId)}`;
  for (let i = 0; i < 2; i++) {
    const status = await http.get(`/internal/trades/${bought.transactionId}`).set('authorization', auth);
    t.is(status.status, 200);
    t.deepEqual(status.body, {
      transactionId: bought.transactionId, portfolioId: portfolio.id, applied: false, cash: '699.00',
      holding: { symbol: 'AAPL', quantity: '3', averageCost: '100.3333', realizedPnl: '0.00' }, realizedPnl: null,
    });
  }
  t.is((await http.get(`/portfolios/${portfolio.id}`).set('authorization', user.auth)).body.cash, '699.00');
});

test('an id never applied (or refused) is 404 trade_not_applied; a malformed id is 422', async (t) => {
  const { http, user, createPortfolio, trade, serviceToken } = await createPortfolioTestApp(t);
  const portfolio = await createPortfolio();
  const refusedId = randomUUID();
  t.is((await trade(portfolio.id, { transactionId: refusedId, type: 'withdrawal', amount: '1.00' })).body.code, 'insufficient_cash');
  const auth = `Bearer ${await serviceToken(user.userId)}`;
  for (const id of [randomUUID(), refusedId]) {
    const response = await http.get(`/internal/trades/${id}`).set('authorization', auth);
    t.is(response.status, 404);
    t.is(response.body.code, 'trade_not_applied');
  }
  const malformed = await http.get('/internal/trades/not-a-uuid').set('authorization', auth);
  t.is(malformed.status, 422);
  t.is(malformed.body.errors[0].field, 'transactionId');
});
