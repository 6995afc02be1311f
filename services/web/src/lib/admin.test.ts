import test from 'ava';
import type { Instrument, User } from '@ledgerline/api-schemas';
import { deactivatedNotice, isAdmin, priceUpdatedNotice, withInstrument } from './admin.ts';

const instrument = (symbol: string, lastPrice: string): Instrument => ({
  symbol, name: symbol, assetClass: 'equity', currency: 'USD', lastPrice, priceUpdatedAt: '2026-01-01T00:00:00.000Z',
});

test('only the admin role opens the admin screen', (t) => {
  t.true(isAdmin({ role: 'admin' }));
  t.false(isAdmin({ role: 'user' }));
  t.false(isAdmin(null));
});

test('an updated instrument replaces the one of the same symbol, in place', (t) => {
  const list = [instrument('AAPL', '189.84'), instrument('MSFT', '415.26')];
  t.deepEqual(withInstrument(list, instrument('MSFT', '420.00')).map((i) => `${i.symbol} ${i.lastPrice}`), ['AAPL 189.84', 'MSFT 420.00']);
  t.is(list[1].lastPrice, '415.26', 'the old list is left as it was');
});

test('the notices name what changed', (t) => {
  t.is(priceUpdatedNotice(instrument('AAPL', '1234.5')), 'AAPL is now priced at 1,234.5 USD. Every portfolio holding it is revalued.');
  const user = { fullName: 'Ada', email: 'ada@example.com' } as User;
  t.is(deactivatedNotice(user), 'Ada (ada@example.com) is deactivated: they cannot log in, and their open sessions end at their next action.');
});
