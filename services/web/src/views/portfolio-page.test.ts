import test from 'ava';
import { html } from './html.ts';
import { PortfolioOverview, PortfolioPage, type PortfolioView } from './portfolio-page.ts';
import { apiError, emptyPerformance, holdings, performance, portfolio, render } from './testing.ts';
import type { Load } from './use-load.ts';

const overview = (state: Load<PortfolioView>) => render(html`<${PortfolioOverview} state=${state} reload=${() => undefined} replace=${() => undefined} />`);

test('the page\'s first state is "loading" (the data come from the gateway after mounting)', (t) => {
  const view = render(html`<${PortfolioPage} id=${portfolio.id} />`);
  t.is(view.text('loading'), 'Loading portfolio…');
  t.false(view.has('portfolio-title'));
});

test('loaded: the name, currency and description, the three tabs with Overview current, and every part of the screen', (t) => {
  const view = overview({ status: 'ready', data: { portfolio, holdings, performance } });
  t.is(view.text('portfolio-title'), 'Retirement');
  t.true(view.allText().includes('EUR · Long-term savings'));
  t.deepEqual(view.testids('portfolio-').filter((id) => id.endsWith('-link')), ['portfolio-overview-link', 'portfolio-trade-link', 'portfolio-history-link']);
  t.is(view.attr('portfolio-overview-link', 'class'), 'tab active');
  t.is(view.attr('portfolio-trade-link', 'href'), `/portfolios/${portfolio.id}/trade`);
  t.is(view.attr('portfolio-history-link', 'href'), `/portfolios/${portfolio.id}/history`);
  t.is(view.text('perf-total'), '4,933.30');
  t.is(view.text('allocation-legend-equity'), 'Equities 51.46% 1,895.00');
  t.is(view.text('holding-market-value-AAPL'), '1,895.00');
  t.false(view.has('loading'));
});

test('a new portfolio: cash only, the holdings and allocation say nothing is invested yet', (t) => {
  const view = overview({ status: 'ready', data: { portfolio, holdings: [], performance: emptyPerformance } });
  t.true(view.has('holdings-empty'));
  t.true(view.has('allocation-empty'));
  t.is(view.text('perf-total'), '1,250.75');
  t.is(view.text('perf-cash'), '1,250.75');
});

test('a 404 (missing, or another user\'s) shows "Portfolio not found" and no figures', (t) => {
  const view = overview({ status: 'failed', error: apiError(404, 'not_found', 'Portfolio not found.') });
  t.true(view.has('portfolio-not-found'));
  t.false(view.has('page-error'));
  t.false(view.has('performance-summary'));
});

test('a gateway failure (503) is shown as a message with a retry, not as "not found" or a blank page', (t) => {
  const view = overview({ status: 'failed', error: apiError(503, 'upstream_unavailable', 'The portfolio service is unavailable.') });
  t.is(view.text('page-error'), 'The portfolio service is unavailable. Try again');
  t.false(view.has('portfolio-not-found'));
});
