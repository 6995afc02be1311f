import test from 'ava';
import { parseFixed } from '../money/fixed-point.ts';
import { formatMoney } from '../money/money.ts';
import { summarisePerformance, valueHolding, type ValuedPosition } from './valuation.ts';

function position(symbol: string, assetClass: string, quantity: string, averageCost: string, lastPrice: string, realizedPnl = '0'): ValuedPosition {
  const q = parseFixed(quantity);
  return { symbol, assetClass, quantity: q, realizedPnl: parseFixed(realizedPnl), ...valueHolding({ quantity: q, averageCost: parseFixed(averageCost) }, parseFixed(lastPrice)) };
}

test('a holding is valued at its last price: cost basis, market value, unrealised P/L and percent', (t) => {
  // 15 × 103.3333333333 = 1549.9999999995 → 1550.00; 15 × 120 = 1800.00; 1800 − 1550 = 250.00; 250 / 1550 = 16.129…% → 16.13
  const value = valueHolding({ quantity: parseFixed('15'), averageCost: parseFixed('103.3333333333') }, parseFixed('120'));
  t.deepEqual(
    { costBasis: formatMoney(value.costBasis), marketValue: formatMoney(value.marketValue), unrealizedPnl: formatMoney(value.unrealizedPnl), percent: value.unrealizedPnlPercent },
    { costBasis: '1550.00', marketValue: '1800.00', unrealizedPnl: '250.00', percent: '16.13' },
  );
  // an opening position entered at cost 0: percent is "0.00", not a division by zero
  t.is(valueHolding({ quantity: parseFixed('3'), averageCost: parseFixed('0') }, parseFixed('10')).unrealizedPnlPercent, '0.00');
});

test('performance sums the rows, weights open positions by market value, and counts closed positions only for realised P/L', (t) => {
  const figures = summarisePerformance(
    [
      position('AAPL', 'equity', '10', '150', '200'), // cost 1500.00, value 2000.00
      position('MSFT', 'equity', '2', '300', '250'), // cost 600.00, value 500.00
      position('BND', 'bond', '25', '80', '100'), // cost 2000.00, value 2500.00
      position('TSLA', 'equity', '0', '200', '250', '-40.50'), // closed: no value, realised −40.50
      position('NVDA', 'equity', '0', '100', '120', '75.25'), // closed: realised +75.25
    ],
    parseFixed('1000.00'),
  );
  // market value 2000 + 500 + 2500 = 5000.00; cost 1500 + 600 + 2000 = 4100.00; unrealised 900.00 = 21.95% (900/4100 = 21.951…)
  // realised −40.50 + 75.25 = 34.75; total value 5000 + 1000 cash = 6000.00
  t.like(figures, { marketValue: '5000.00', costBasis: '4100.00', unrealizedPnl: '900.00', unrealizedPnlPercent: '21.95', realizedPnl: '34.75', cash: '1000.00', totalValue: '6000.00' });
  // equity 2500 / 5000 = 50.00%, bond 2500 / 5000 = 50.00%; holdings by value: BND 50.00, AAPL 40.00, MSFT 10.00
  t.deepEqual(figures.allocation.byAssetClass, [
    { assetClass: 'equity', marketValue: '2500.00', weight: '50.00' },
    { assetClass: 'bond', marketValue: '2500.00', weight: '50.00' },
  ]);
  t.deepEqual(figures.allocation.byHolding, [
    { symbol: 'BND', marketValue: '2500.00', weight: '50.00' },
    { symbol: 'AAPL', marketValue: '2000.00', weight: '40.00' },
    { symbol: 'MSFT', marketValue: '500.00', weight: '10.00' },
  ]);
});

test('an empty portfolio has zero figures, "0.00" percentages and an empty allocation', (t) => {
  t.deepEqual(summarisePerformance([], parseFixed('250.00')), {
    marketValue: '0.00',
    costBasis: '0.00',
    unrealizedPnl: '0.00',
    unrealizedPnlPercent: '0.00',
    realizedPnl: '0.00',
    cash: '250.00',
    totalValue: '250.00',
    allocation: { byAssetClass: [], byHolding: [] },
  });
});

test('weights are rounded each on its own (three equal thirds show 33.33 each)', (t) => {
  const figures = summarisePerformance(
    [position('SHV', 'cash', '1', '1', '10'), position('VTI', 'etf', '1', '1', '10'), position('TLT', 'bond', '1', '1', '10')],
    parseFixed('0'),
  );
  t.deepEqual(figures.allocation.byAssetClass.map((slice) => [slice.assetClass, slice.weight]), [['etf', '33.33'], ['bond', '33.33'], ['cash', '33.33']]);
  t.deepEqual(figures.allocation.byHolding.map((slice) => slice.symbol), ['SHV', 'TLT', 'VTI'], 'equal values: by symbol');
});
