import test from 'ava';
import { html } from './html.ts';
import { PerformanceSummary } from './performance-summary.ts';
import { performance, render } from './testing.ts';

test('each figure of the performance answer is shown in its own place', (t) => {
  const view = render(html`<${PerformanceSummary} performance=${performance} />`);
  t.deepEqual(view.texts(['perf-total', 'perf-market-value', 'perf-cost-basis', 'perf-unrealized', 'perf-unrealized-pct', 'perf-realized', 'perf-cash']), {
    'perf-total': '4,933.30',
    'perf-market-value': '3,682.55',
    'perf-cost-basis': '3,337.23',
    'perf-unrealized': '+345.32',
    'perf-unrealized-pct': '+10.35%',
    'perf-realized': '-12.40',
    'perf-cash': '1,250.75',
  });
});

test('the labels read in the order of the figures, with the base currency in the heading', (t) => {
  const text = render(html`<${PerformanceSummary} performance=${performance} />`).allText();
  t.is(text, 'Performance (EUR) Total value 4,933.30 Market value 3,682.55 Cost basis 3,337.23 Unrealised P/L +345.32 +10.35% Realised P/L -12.40 Cash 1,250.75');
});

test('a realised loss is shown as a loss', (t) => {
  const view = render(html`<${PerformanceSummary} performance=${performance} />`);
  t.regex(view.attr('perf-realized', 'class')!, /\bloss\b/);
  t.regex(view.attr('perf-unrealized', 'class')!, /\bgain\b/);
});
