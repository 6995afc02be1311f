import test from 'ava';
import type { Portfolio, Transaction } from '@ledgerline/api-schemas';
import { HistoryScreen, HistoryTable } from './history-page.ts';
import { html } from './html.ts';
import { apiError, portfolio, render } from './testing.ts';
import type { Load } from './use-load.ts';

const base = { portfolioId: portfolio.id, createdAt: '2026-03-02T10:00:00.000Z', rejection: null, result: null };
const buy: Transaction = {
  ...base, id: 'tx-1', type: 'buy', symbol: 'AAPL', quantity: '10', price: '187.25', amount: '1872.50', fees: '1.99',
  executedAt: '2026-03-02T14:30:00.000Z', status: 'completed',
};
const deposit: Transaction = {
  ...base, id: 'tx-2', type: 'deposit', symbol: null, quantity: null, price: null, amount: '5000.00', fees: '0.00',
  executedAt: '2026-03-01T00:00:00.000Z', status: 'pending',
};
const screen = (state: Load<Portfolio>) => render(html`<${HistoryScreen} state=${state} reload=${() => undefined} />`);

test('every column shows its own field of each transaction, in the order the API gave', (t) => {
  const view = render(html`<${HistoryTable} items=${[buy, deposit]} currency="EUR" />`);
  t.deepEqual(view.table('history-table'), [
    ['Date', 'Type', 'Symbol', 'Quantity', 'Price', 'Amount', 'Fees', 'Status'],
    ['2026-03-02 14:30 UTC', 'Buy', 'AAPL', '10', '187.25', '1,872.50', '1.99', 'Done'],
    ['2026-03-01', 'Deposit cash', '', '', '', '5,000.00', '0.00', 'Pending'],
  ]);
  t.is(view.attr('history-table', 'aria-label'), 'Transactions (EUR)');
});

test('a pending transaction is marked pending, with why', (t) => {
  const view = render(html`<${HistoryTable} items=${[deposit]} currency="EUR" />`);
  t.is(view.text('history-pending'), 'Pending');
  t.is(view.attr('history-pending', 'title'), 'Not yet confirmed by the portfolio; applied automatically');
});

test('no transaction matches: the empty state, no table', (t) => {
  const view = render(html`<${HistoryTable} items=${[]} currency="EUR" />`);
  t.is(view.text('history-empty'), 'No transactions match.');
  t.false(view.has('history-table'));
});

test('loaded portfolio: History is the current tab, and the filters offer every type', (t) => {
  const view = screen({ status: 'ready', data: portfolio });
  t.is(view.attr('portfolio-history-link', 'class'), 'tab active');
  t.is(view.text('history-filter-type'), 'All types Buy Sell Deposit cash Withdraw cash Dividend Fee');
  for (const testid of ['history-filter-symbol', 'history-filter-from', 'history-filter-to', 'history-apply', 'history-clear']) t.true(view.has(testid), testid);
  t.false(view.has('history-load-more'));
});

test('another user\'s portfolio: "Portfolio not found", no filters and no rows', (t) => {
  const view = screen({ status: 'failed', error: apiError(404, 'not_found', 'Portfolio not found.') });
  t.true(view.has('portfolio-not-found'));
  t.false(view.has('history-filters'));
});

test('the portfolio could not be loaded: the reason and a retry', (t) => {
  const view = screen({ status: 'failed', error: apiError(503, 'upstream_unavailable', 'The transaction service is unavailable.') });
  t.is(view.text('page-error'), 'The transaction service is unavailable. Try again');
});
