import test from 'ava';
import { queryString } from '../api/query-string.ts';
import { checkFilters, EMPTY_FILTERS, historyQuery } from './history-filters.ts';

test('no filters: only the portfolio and the page size', (t) => {
  t.is(queryString({ ...historyQuery('p-1', EMPTY_FILTERS) }), '?portfolioId=p-1&limit=20');
});

test('filters become query parameters, symbol in capitals, blanks left out', (t) => {
  const query = historyQuery('p-1', { type: 'sell', symbol: ' aapl ', from: '2026-01-01', to: '' });
  t.is(queryString({ ...query }), '?portfolioId=p-1&type=sell&symbol=AAPL&from=2026-01-01&limit=20');
});

test('"Load more" asks for the next page with the same filters and the cursor', (t) => {
  const query = historyQuery('p-1', { type: '', symbol: '', from: '2026-01-01', to: '2026-03-31' }, 'eyJpZCI6IjQyIn0=');
  t.is(queryString({ ...query }), '?portfolioId=p-1&from=2026-01-01&to=2026-03-31&cursor=eyJpZCI6IjQyIn0%3D&limit=20');
});

test('an end date before the start date is refused before asking the server', (t) => {
  t.deepEqual(checkFilters({ ...EMPTY_FILTERS, from: '2026-05-02', to: '2026-05-01' }), { to: 'The end date is before the start date.' });
  t.deepEqual(checkFilters({ ...EMPTY_FILTERS, from: '2026-05-01', to: '2026-05-01' }), {});
  t.deepEqual(checkFilters({ ...EMPTY_FILTERS, to: '2026-05-01' }), {});
});
