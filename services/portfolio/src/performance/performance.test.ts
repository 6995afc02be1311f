import test from 'ava';
import { createPortfolioTestApp } from '../testing.ts';

test('performance across asset classes: totals, realised P/L of a closed position, and allocation weights', async (t) => {
  const { http, user, createPortfolio, applyOk, setPrice } = await createPortfolioTestApp(t);
  const portfolio = await createPortfolio({ baseCurrency: 'USD' });
  const open = (symbol: string, quantity: string, averageCost: string) =>
    http.post(`/portfolios/${portfolio.id}/holdings`).set('authorization', user.auth).send({ symbol, quantity, averageCost });
  for (const [symbol, price] of [['AAPL', '200'], ['VTI', '250'], ['BND', '75'], ['SHV', '100'], ['MSFT', '390']]) await setPrice(symbol, price);
  await open('AAPL', '10', '150'); // cost 1500.00, value 10 × 200 = 2000.00
  await open('VTI', '4', '250'); // cost 1000.00, value 4 × 250 = 1000.00
  await open('BND', '20', '75'); // cost 1500.00, value 20 × 75 = 1500.00
  await open('SHV', '5', '100'); // cost 500.00, value 5 × 100 = 500.00
  await open('MSFT', '2', '400');
  // sell MSFT 2 @ 390 with 1.00 fee: realised (390 − 400) × 2 − 1 = −21.00; cash 0 + 780 − 1 = 779.00
  const sold = await applyOk(portfolio.id, { type: 'sell', symbol: 'MSFT', quantity: '2', price: '390', fees: '1.00' });
  t.is(sold.realizedPnl, '-21.00');
  await applyOk(portfolio.id, { type: 'deposit', amount: '221.00' }); // cash 779 + 221 = 1000.00

  const response = await http.get(`/portfolios/${portfolio.id}/performance`).set('authorization', user.auth);
  t.is(response.status, 200);
  // market value 2000 + 1000 + 1500 + 500 = 5000.00; cost 1500 + 1000 + 1500 + 500 = 4500.00
  // unrealised 500.00 = 11.11% of 4500; total 5000 + 1000 cash = 6000.00
  // weights of 5000: equity (AAPL) 40.00, etf (VTI) 20.00, bond (BND) 30.00, cash (SHV) 10.00; MSFT is closed
  t.deepEqual(response.body, {
    portfolioId: portfolio.id,
    baseCurrency: 'USD',
    marketValue: '5000.00',
    costBasis: '4500.00',
    unrealizedPnl: '500.00',
    unrealizedPnlPercent: '11.11',
    realizedPnl: '-21.00',
    cash: '1000.00',
    totalValue: '6000.00',
    allocation: {
      byAssetClass: [
        { assetClass: 'equity', marketValue: '2000.00', weight: '40.00' },
        { assetClass: 'etf', marketValue: '1000.00', weight: '20.00' },
        { assetClass: 'bond', marketValue: '1500.00', weight: '30.00' },
        { assetClass: 'cash', marketValue: '500.00', weight: '10.00' },
      ],
      byHolding: [
        { symbol: 'AAPL', marketValue: '2000.00', weight: '40.00' },
        { symbol: 'BND', marketValue: '1500.00', weight: '30.00' },
        { symbol: 'VTI', marketValue: '1000.00', weight: '20.00' },
        { symbol: 'SHV', marketValue: '500.00', weight: '10.00' },
      ],
    },
  });
  // the holdings table adds up to the same figures
  const holdings = (await http.get(`/portfolios/${portfolio.id}/holdings`).set('authorization', user.auth)).body.items;
  t.deepEqual(holdings.map((row: { symbol: string }) => row.symbol), ['AAPL', 'BND', 'SHV', 'VTI']);
});

test('a new portfolio performs at zero with "0.00" percentages and an empty allocation', async (t) => {
  const { http, user, createPortfolio } = await createPortfolioTestApp(t);
  const portfolio = await createPortfolio({ baseCurrency: 'CHF' });
  const response = await http.get(`/portfolios/${portfolio.id}/performance`).set('authorization', user.auth);
  t.deepEqual(response.body, {
    portfolioId: portfolio.id,
    baseCurrency: 'CHF',
    marketValue: '0.00',
    costBasis: '0.00',
    unrealizedPnl: '0.00',
    unrealizedPnlPercent: '0.00',
    realizedPnl: '0.00',
    cash: '0.00',
    totalValue: '0.00',
    allocation: { byAssetClass: [], byHolding: [] },
  });
});

test('a price change revalues holdings and performance at once', async (t) => {
  const { http, user, createPortfolio, setPrice } = await createPortfolioTestApp(t);
  const portfolio = await createPortfolio();
  await http.post(`/portfolios/${portfolio.id}/holdings`).set('authorization', user.auth).send({ symbol: 'GLD', quantity: '3', averageCost: '200' });
  await setPrice('GLD', '180.5');
  // 3 × 180.50 = 541.50 value; cost 600.00; −58.50 = −9.75% of 600
  const performance = (await http.get(`/portfolios/${portfolio.id}/performance`).set('authorization', user.auth)).body;
  t.like(performance, { marketValue: '541.50', costBasis: '600.00', unrealizedPnl: '-58.50', unrealizedPnlPercent: '-9.75' });
});
