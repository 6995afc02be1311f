import test from 'ava';
import { html } from './html.ts';
import { HoldingsTable } from './holdings-table.ts';
import { holdings, render } from './testing.ts';

test('every column shows its own field of each holding, under its header', (t) => {
  const view = render(html`<${HoldingsTable} holdings=${holdings} />`);
  t.deepEqual(view.table('holdings-table'), [
    ['Symbol', 'Name', 'Quantity', 'Avg cost', 'Last price', 'Market value', 'Unrealised P/L', 'Realised P/L'],
    ['AAPL', 'Apple Inc. equity', '10', '150.1234', '189.50', '1,895.00', '+393.77 +26.23%', '+12.40'],
    ['BND', 'Total Bond Market ETF bond', '25.5', '72.0000', '70.10', '1,787.55', '-48.45 -2.64%', '0.00'],
  ]);
});

test('the figures a test reads by data-testid are the holding\'s own', (t) => {
  const view = render(html`<${HoldingsTable} holdings=${holdings} />`);
  const shown = view.texts(['quantity', 'average-cost', 'last-price', 'market-value', 'unrealized', 'unrealized-pct'].map((column) => `holding-${column}-BND`));
  t.deepEqual(shown, {
    'holding-quantity-BND': '25.5',
    'holding-average-cost-BND': '72.0000',
    'holding-last-price-BND': '70.10',
    'holding-market-value-BND': '1,787.55',
    'holding-unrealized-BND': '-48.45',
    'holding-unrealized-pct-BND': '-2.64%',
  });
  t.is(view.text('holding-realized-AAPL'), '+12.40');
});

test('a gain and a loss are coloured differently; zero is flat', (t) => {
  const view = render(html`<${HoldingsTable} holdings=${holdings} />`);
  t.regex(view.attr('holding-unrealized-AAPL', 'class')!, /\bgain\b/);
  t.regex(view.attr('holding-unrealized-BND', 'class')!, /\bloss\b/);
  t.regex(view.attr('holding-realized-BND', 'class')!, /\bflat\b/);
});

test('a closed position (quantity 0) stays listed, marked closed, for its realised P/L', (t) => {
  const closed = { ...holdings[0], quantity: '0', marketValue: '0.00', unrealizedPnl: '0.00', unrealizedPnlPercent: '0.00', realizedPnl: '88.10' };
  const view = render(html`<${HoldingsTable} holdings=${[closed, holdings[1]]} />`);
  t.is(view.attr('holding-row-AAPL', 'class'), 'closed');
  t.not(view.attr('holding-row-BND', 'class'), 'closed');
  t.is(view.text('holding-realized-AAPL'), '+88.10');
});

test('no holdings: the empty state instead of an empty table', (t) => {
  const view = render(html`<${HoldingsTable} holdings=${[]} />`);
  t.is(view.text('holdings-empty'), 'No holdings yet. Record a purchase to start.');
  t.false(view.has('holdings-table'));
});
