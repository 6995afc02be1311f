import test from 'ava';
import { createPortfolioTestApp } from '../testing.ts';

test('the whole flow through the API: deposit, buy, value, sell part, realise P/L', async (t) => {
  const { http, user, createPortfolio, applyOk, setPrice } = await createPortfolioTestApp(t);
  const portfolio = await createPortfolio({ name: 'Growth', baseCurrency: 'USD' });
  const get = async (path: string) => (await http.get(`/portfolios/${portfolio.id}${path}`).set('authorization', user.auth)).body;

  // deposit 10000.00 → cash 10000.00
  t.like(await applyOk(portfolio.id, { type: 'deposit', amount: '10000.00' }), { cash: '10000.00' });
  await setPrice('AAPL', '150');
  await setPrice('BND', '72');

  // buy 10 AAPL @ 150 + 5.00 fee: cash 10000 − 1505 = 8495.00; avg 1505 / 10 = 150.5
  const boughtAapl = await applyOk(portfolio.id, { type: 'buy', symbol: 'AAPL', quantity: '10', price: '150', fees: '5.00' });
  t.like(boughtAapl, { applied: true, cash: '8495.00', holding: { symbol: 'AAPL', quantity: '10', averageCost: '150.5000', realizedPnl: '0.00' }, realizedPnl: null });
  // buy 5 BND @ 72: cash 8495 − 360 = 8135.00
  t.like(await applyOk(portfolio.id, { type: 'buy', symbol: 'BND', quantity: '5', price: '72' }), { cash: '8135.00' });

  await setPrice('AAPL', '160');
  await setPrice('BND', '70');
  // AAPL: cost 10 × 150.5 = 1505.00, value 10 × 160 = 1600.00, +95.00 = 6.31% (95 / 1505 = 6.312…)
  // BND:  cost 5 × 72 = 360.00, value 5 × 70 = 350.00, −10.00 = −2.78% (10 / 360 = 2.777…)
  t.deepEqual(await get('/holdings'), {
    items: [
      { symbol: 'AAPL', name: 'Apple Inc.', assetClass: 'equity', quantity: '10', averageCost: '150.5000', costBasis: '1505.00', lastPrice: '160.00', marketValue: '1600.00', unrealizedPnl: '95.00', unrealizedPnlPercent: '6.31', realizedPnl: '0.00' },
      { symbol: 'BND', name: 'Vanguard Total Bond Market ETF', assetClass: 'bond', quantity: '5', averageCost: '72.0000', costBasis: '360.00', lastPrice: '70.00', marketValue: '350.00', unrealizedPnl: '-10.00', unrealizedPnlPercent: '-2.78', realizedPnl: '0.00' },
    ],
  });
  // value 1600 + 350 = 1950.00; cost 1505 + 360 = 1865.00; +85.00 = 4.56% (85 / 1865 = 4.557…)
  // total 1950 + 8135 = 10085.00; weights 1600 / 1950 = 82.05%, 350 / 1950 = 17.95%
  t.like(await get('/performance'), {
    marketValue: '1950.00',
    costBasis: '1865.00',
    unrealizedPnl: '85.00',
    unrealizedPnlPercent: '4.56',
    realizedPnl: '0.00',
    cash: '8135.00',
    totalValue: '10085.00',
    allocation: {
      byAssetClass: [{ assetClass: 'equity', marketValue: '1600.00', weight: '82.05' }, { assetClass: 'bond', marketValue: '350.00', weight: '17.95' }],
      byHolding: [{ symbol: 'AAPL', marketValue: '1600.00', weight: '82.05' }, { symbol: 'BND', marketValue: '350.00', weight: '17.95' }],
    },
  });

  // sell 4 AAPL @ 170 − 2.00 fee: cash 8135 + 680 − 2 = 8813.00; realised (170 − 150.5) × 4 − 2 = 78 − 2 = 76.00
  const sold = await applyOk(portfolio.id, { type: 'sell', symbol: 'AAPL', quantity: '4', price: '170', fees: '2.00' });
  t.deepEqual(sold, {
    transactionId: sold.transactionId,
    portfolioId: portfolio.id,
    applied: true,
    cash: '8813.00',
    holding: { symbol: 'AAPL', quantity: '6', averageCost: '150.5000', realizedPnl: '76.00' },
    realizedPnl: '76.00',
  });
  // AAPL now 6 × 150.5 = 903.00 cost, 6 × 160 = 960.00 value (+57.00 = 6.31%)
  const aapl = (await get('/holdings')).items[0];
  t.like(aapl, { symbol: 'AAPL', quantity: '6', costBasis: '903.00', marketValue: '960.00', unrealizedPnl: '57.00', unrealizedPnlPercent: '6.31', realizedPnl: '76.00' });
  // value 960 + 350 = 1310.00; cost 903 + 360 = 1263.00; +47.00 = 3.72%; total 1310 + 8813 = 10123.00
  // check: 10000 deposited + 76 realised + 47 unrealised = 10123
  t.like(await get('/performance'), {
    marketValue: '1310.00',
    costBasis: '1263.00',
    unrealizedPnl: '47.00',
    unrealizedPnlPercent: '3.72',
    realizedPnl: '76.00',
    cash: '8813.00',
    totalValue: '10123.00',
  });
  t.is((await get('')).cash, '8813.00');
});
