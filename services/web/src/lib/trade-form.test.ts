import test from 'ava';
import { describeRecorded, emptyTradeForm, fieldsFor, missingTradeFields, toTransactionRequest } from './trade-form.ts';

test('each transaction type shows only its own fields', (t) => {
  t.deepEqual(fieldsFor('buy'), ['symbol', 'quantity', 'price', 'fees', 'executedAt']);
  t.deepEqual(fieldsFor('sell'), ['symbol', 'quantity', 'price', 'fees', 'executedAt']);
  t.deepEqual(fieldsFor('deposit'), ['amount', 'executedAt']);
  t.deepEqual(fieldsFor('withdrawal'), ['amount', 'executedAt']);
  t.deepEqual(fieldsFor('fee'), ['amount', 'executedAt']);
  t.deepEqual(fieldsFor('dividend'), ['symbol', 'amount', 'executedAt']);
});

test('a buy becomes {portfolioId, type, symbol, quantity, price, fees, executedAt} with the symbol in capitals', (t) => {
  const values = { ...emptyTradeForm('buy'), symbol: ' aapl ', quantity: '10', price: '100.00', fees: '5.00', executedAt: '2026-05-01' };
  t.deepEqual(toTransactionRequest('p-1', values), {
    portfolioId: 'p-1', type: 'buy', symbol: 'AAPL', quantity: '10', price: '100.00', fees: '5.00', executedAt: '2026-05-01',
  });
});

test('blank optional fields are left out, and fields of another type typed earlier are not sent', (t) => {
  const switched = { ...emptyTradeForm('buy'), symbol: 'AAPL', quantity: '10', price: '1', amount: '250.00', type: 'deposit' as const };
  t.deepEqual(toTransactionRequest('p-1', switched), { portfolioId: 'p-1', type: 'deposit', amount: '250.00' });
  const sell = { ...emptyTradeForm('sell'), symbol: 'msft', quantity: '2', price: '310.5' };
  t.deepEqual(toTransactionRequest('p-1', sell), { portfolioId: 'p-1', type: 'sell', symbol: 'MSFT', quantity: '2', price: '310.5' });
  const dividend = { ...emptyTradeForm('dividend'), symbol: 'vwrl', amount: '12.34', quantity: '3' };
  t.deepEqual(toTransactionRequest('p-1', dividend), { portfolioId: 'p-1', type: 'dividend', symbol: 'VWRL', amount: '12.34' });
});

test('required fields of the chosen type are flagged before anything is sent', (t) => {
  t.deepEqual(missingTradeFields(emptyTradeForm('buy')), { symbol: 'Required.', quantity: 'Required.', price: 'Required.' });
  t.deepEqual(missingTradeFields(emptyTradeForm('fee')), { amount: 'Required.' });
  t.deepEqual(missingTradeFields({ ...emptyTradeForm('dividend'), symbol: 'KO', amount: '3.00' }), {});
});

test('the confirmation names what was recorded and the new cash balance', (t) => {
  const base = { id: 'tx', portfolioId: 'p', symbol: null, quantity: null, price: null, amount: null, fees: '0.00', executedAt: '', createdAt: '', status: 'completed' as const, result: null, rejection: null };
  t.is(describeRecorded({ ...base, type: 'buy', symbol: 'AAPL', quantity: '1000', price: '100.00', result: { cash: '900.00', holding: null, realizedPnl: null } }, 'USD'),
    'Bought 1,000 AAPL at 100.00 USD. Cash balance: 900.00 USD.');
  t.is(describeRecorded({ ...base, type: 'sell', symbol: 'AAPL', quantity: '5', price: '110.00', result: { cash: '1450.00', holding: null, realizedPnl: '45.00' } }),
    'Sold 5 AAPL at 110.00. Realised P/L: 45.00. Cash balance: 1,450.00.');
  t.is(describeRecorded({ ...base, type: 'deposit', amount: '2500.00' }), 'Deposited 2,500.00.');
});

test('a pending transaction is confirmed as pending, without a cash balance (it has none yet)', (t) => {
  const pending = { id: 'tx', portfolioId: 'p', symbol: null, quantity: null, price: null, amount: '250.00', fees: '0.00', executedAt: '', createdAt: '', status: 'pending' as const, result: null, rejection: null };
  t.is(describeRecorded({ ...pending, type: 'deposit' }, 'USD'),
    'Deposited 250.00 USD. Pending: the portfolio has not confirmed it yet. It will be applied automatically; this page updates when it is.');
});
