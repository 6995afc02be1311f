import test from 'ava';
import type { Transaction } from '@ledgerline/api-schemas';
import { pendingIds, withRefreshed } from './pending.ts';

const tx = (id: string, status: Transaction['status']): Transaction => ({
  id, portfolioId: 'p', type: 'deposit', symbol: null, quantity: null, price: null, amount: '1.00', fees: '0.00', executedAt: '', createdAt: '', status,
  result: status === 'completed' ? { cash: '1.00', holding: null, realizedPnl: null } : null, rejection: null,
});

test('only pending transactions are asked about again', (t) => {
  t.deepEqual(pendingIds([tx('a', 'completed'), tx('b', 'pending'), tx('c', 'pending')]), ['b', 'c']);
  t.deepEqual(pendingIds([tx('a', 'completed')]), []);
});

test('a refreshed transaction replaces its row in place; a rejected one leaves the list; the rest stay as they were', (t) => {
  const items = [tx('a', 'completed'), tx('b', 'pending'), tx('c', 'pending'), tx('d', 'pending')];
  const refreshed = withRefreshed(items, [tx('b', 'completed'), tx('c', 'rejected'), tx('d', 'pending')]);
  t.deepEqual(refreshed.map((item) => [item.id, item.status]), [['a', 'completed'], ['b', 'completed'], ['d', 'pending']]);
  t.is(refreshed[1].result?.cash, '1.00');
});
