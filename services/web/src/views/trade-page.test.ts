import test from 'ava';
import type { Instrument, Portfolio } from '@ledgerline/api-schemas';
import { html } from './html.ts';
import { apiError, portfolio, render } from './testing.ts';
import { TradeScreen } from './trade-page.ts';
import type { Load } from './use-load.ts';

const instruments: Instrument[] = [
  { symbol: 'AAPL', name: 'Apple Inc.', assetClass: 'equity', currency: 'USD', lastPrice: '189.50', priceUpdatedAt: '2026-03-01T10:00:00.000Z' },
  { symbol: 'BND', name: 'Total Bond Market ETF', assetClass: 'bond', currency: 'USD', lastPrice: '70.10', priceUpdatedAt: '2026-03-01T10:00:00.000Z' },
];
const screen = (state: Load<Portfolio>, list: Instrument[] = instruments) =>
  render(html`<${TradeScreen} state=${state} instruments=${list} reload=${() => undefined} replace=${() => undefined} />`);

test('the available cash is the portfolio\'s, in its base currency', (t) => {
  t.is(screen({ status: 'ready', data: portfolio }).text('trade-cash'), '1,250.75 EUR');
});

test('a buy (the default) asks for symbol, quantity, price, fees and date, not an amount', (t) => {
  const view = screen({ status: 'ready', data: portfolio });
  for (const testid of ['trade-symbol', 'trade-quantity', 'trade-price', 'trade-fees', 'trade-date']) t.true(view.has(testid), testid);
  t.false(view.has('trade-amount'));
  t.regex(view.html, /<option selected value="buy">Buy<\/option>/);
});

test('every transaction type can be chosen', (t) => {
  t.is(screen({ status: 'ready', data: portfolio }).text('trade-type'), 'Buy Sell Deposit cash Withdraw cash Dividend Fee');
});

test('the symbol input suggests the known instruments', (t) => {
  const view = screen({ status: 'ready', data: portfolio });
  t.is(view.attr('trade-symbol', 'list'), 'instrument-options');
  t.regex(view.html, /<datalist id="instrument-options"><option value="AAPL">Apple Inc\.<\/option><option value="BND">Total Bond Market ETF<\/option><\/datalist>/);
});

test('Record transaction is the current tab; no error or success is shown before a submit', (t) => {
  const view = screen({ status: 'ready', data: portfolio });
  t.is(view.attr('portfolio-trade-link', 'class'), 'tab active');
  t.false(view.has('trade-error'));
  t.false(view.has('trade-success'));
});

test('a portfolio that is not the user\'s cannot be traded in: "Portfolio not found", no form', (t) => {
  const view = screen({ status: 'failed', error: apiError(404, 'not_found', 'Portfolio not found.') });
  t.true(view.has('portfolio-not-found'));
  t.false(view.has('trade-form'));
});

test('while the portfolio loads there is no form to submit; when loading failed, the reason and a retry', (t) => {
  t.false(screen({ status: 'loading' }).has('trade-form'));
  const failed = screen({ status: 'failed', error: apiError(504, 'upstream_timeout', 'The portfolio service did not answer in time.') });
  t.is(failed.text('page-error'), 'The portfolio service did not answer in time. Try again');
  t.false(failed.has('trade-form'));
});
