import test from 'ava';
import { AllocationChart } from './allocation-chart.ts';
import { html } from './html.ts';
import { emptyPerformance, performance, render } from './testing.ts';

test('by asset class (the default): one slice and one legend line per class, with its weight and value', (t) => {
  const view = render(html`<${AllocationChart} performance=${performance} />`);
  t.deepEqual(view.testids('allocation-slice-'), ['allocation-slice-equity', 'allocation-slice-bond']);
  t.is(view.text('allocation-legend-equity'), 'Equities 51.46% 1,895.00');
  t.is(view.text('allocation-legend-bond'), 'Bonds 48.54% 1,787.55');
  t.is(view.attr('allocation-by-asset-class', 'aria-pressed'), 'true');
  t.is(view.attr('allocation-by-holding', 'aria-pressed'), 'false');
});

test('the chart has a text alternative naming every slice, and a hover title with the amount in the base currency', (t) => {
  const view = render(html`<${AllocationChart} performance=${performance} />`);
  t.is(view.attr('allocation-chart', 'role'), 'img');
  t.is(view.attr('allocation-chart', 'aria-label'), 'Allocation by asset class: Equities 51.46%, Bonds 48.54%');
  t.is(view.text('allocation-slice-bond'), 'Bonds: 48.54% (1,787.55 EUR)');
});

test('the donut\'s centre shows the invested market value, not the total with cash', (t) => {
  const text = render(html`<${AllocationChart} performance=${performance} />`).text('allocation-chart');
  t.true(text.endsWith('Invested 3,682.55'), text);
});

test('an asset class without a label is shown by its code', (t) => {
  const other = { ...performance, allocation: { ...performance.allocation, byAssetClass: [{ assetClass: 'crypto', marketValue: '10.00', weight: '100.00' }] } };
  t.is(render(html`<${AllocationChart} performance=${other} />`).text('allocation-legend-crypto'), 'crypto 100.00% 10.00');
});

test('nothing invested: the empty state, no chart', (t) => {
  const view = render(html`<${AllocationChart} performance=${emptyPerformance} />`);
  t.is(view.text('allocation-empty'), 'Nothing invested yet: the chart appears after the first purchase.');
  t.false(view.has('allocation-chart'));
});
