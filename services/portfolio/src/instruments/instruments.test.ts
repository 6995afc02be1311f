import test from 'ava';
import { ASSET_CLASSES } from './instrument.entity.ts';
import { INSTRUMENT_UNIVERSE } from './instrument-universe.ts';
import { seedInstruments } from './seed-instruments.ts';
import { createPortfolioTestApp } from '../testing.ts';

const symbols = (body: { items: Array<{ symbol: string }> }) => body.items.map((item) => item.symbol);

test('the seeded universe is listed with every asset class, sorted by symbol, prices as decimal strings', async (t) => {
  const { http, user } = await createPortfolioTestApp(t);
  const response = await http.get('/instruments').set('authorization', user.auth);
  t.is(response.status, 200);
  t.is(response.body.items.length, INSTRUMENT_UNIVERSE.length);
  t.true(response.body.items.length >= 40);
  t.deepEqual(symbols(response.body), [...symbols(response.body)].sort());
  t.deepEqual([...new Set(response.body.items.map((item: { assetClass: string }) => item.assetClass))].sort(), [...ASSET_CLASSES].sort());
  const aapl = response.body.items.find((item: { symbol: string }) => item.symbol === 'AAPL');
  t.deepEqual(aapl, { symbol: 'AAPL', name: 'Apple Inc.', assetClass: 'equity', currency: 'USD', lastPrice: '189.84', priceUpdatedAt: '2026-06-01T12:00:00.000Z' });
  for (const item of response.body.items) t.regex(item.lastPrice, /^\d+\.\d{2,4}$/, item.symbol);
});

test('search matches a symbol prefix, a name prefix or a word in the name, case-insensitively', async (t) => {
  const { http, user } = await createPortfolioTestApp(t);
  const search = async (query: Record<string, string>) => symbols((await http.get('/instruments').query(query).set('authorization', user.auth)).body);
  t.deepEqual(await search({ q: 'aap' }), ['AAPL']);
  t.deepEqual(await search({ q: 'brk.' }), ['BRK.B']);
  t.deepEqual(await search({ q: 'MICRO' }), ['AMD', 'MSFT']); // "Microsoft", "Advanced Micro Devices"
  t.true((await search({ q: 'vanguard' })).includes('VTI'));
  t.deepEqual(await search({ q: 'treasury', assetClass: 'cash' }), ['SGOV', 'SHV', 'USFR']);
  t.deepEqual(await search({ assetClass: 'bond' }), ['AGG', 'BND', 'BNDX', 'HYG', 'IEF', 'LQD', 'MUB', 'TIP', 'TLT', 'VGSH']);
  t.deepEqual(await search({ q: 'zzzz' }), []);
  t.is((await search({ q: '' })).length, INSTRUMENT_UNIVERSE.length, 'an empty search lists everything');
});

test('a bad search is a 422 naming the parameter', async (t) => {
  const { http, user } = await createPortfolioTestApp(t);
  for (const [query, field] of [[{ assetClass: 'crypto' }, 'assetClass'], [{ q: '50%' }, 'q'], [{ q: 'a_b' }, 'q'], [{ q: 'x'.repeat(41) }, 'q']] as const) {
    const response = await http.get('/instruments').query(query).set('authorization', user.auth);
    t.is(response.status, 422, JSON.stringify(query));
    t.is(response.body.errors[0].field, field);
  }
});

test('one instrument by symbol (any case); an unknown symbol is 404 and a malformed one 422', async (t) => {
  const { http, user } = await createPortfolioTestApp(t);
  const response = await http.get('/instruments/tlt').set('authorization', user.auth);
  t.is(response.status, 200);
  t.like(response.body, { symbol: 'TLT', assetClass: 'bond', currency: 'USD' });
  const missing = await http.get('/instruments/NOPE').set('authorization', user.auth);
  t.is(missing.status, 404);
  t.is(missing.body.code, 'not_found');
  t.is((await http.get('/instruments/%24%24%24').set('authorization', user.auth)).status, 422);
  t.is((await http.get('/instruments').set('authorization', 'Bearer nope')).status, 401);
});

test('an admin updates a price: 200 with the instrument, and everyone reads the new price and time', async (t) => {
  const { http, signIn, clock } = await createPortfolioTestApp(t);
  clock.advance(3_600_000);
  const admin = await signIn('admin'); // signed at the new time (tokens live 5 minutes)
  const reader = await signIn();
  const updated = await http.put('/instruments/nvda/price').set('authorization', admin.auth).send({ price: '130.1250' });
  t.is(updated.status, 200);
  t.like(updated.body, { symbol: 'NVDA', lastPrice: '130.125', priceUpdatedAt: '2026-06-01T13:00:00.000Z' });
  const read = await http.get('/instruments/NVDA').set('authorization', reader.auth);
  t.deepEqual(read.body, updated.body);
});

test('a user who is not an admin cannot update a price (403 admin_only) and the price stays', async (t) => {
  const { http, user } = await createPortfolioTestApp(t);
  const response = await http.put('/instruments/AAPL/price').set('authorization', user.auth).send({ price: '1.00' });
  t.is(response.status, 403);
  t.is(response.body.code, 'admin_only');
  t.is((await http.get('/instruments/AAPL').set('authorization', user.auth)).body.lastPrice, '189.84');
});

const badPrices: Array<[string, unknown]> = [
  ['zero', { price: '0' }],
  ['negative', { price: '-1.00' }],
  ['a JSON number', { price: 101.5 }],
  ['5 decimal places', { price: '1.00001' }],
  ['not a number', { price: 'cheap' }],
  ['missing', {}],
  ['with an unknown field', { price: '1.00', currency: 'EUR' }],
];
for (const [what, body] of badPrices) {
  test(`a price update with a price that is ${what} is a 422 and changes nothing`, async (t) => {
    const { http, user, signIn } = await createPortfolioTestApp(t);
    const admin = await signIn('admin');
    const response = await http.put('/instruments/AAPL/price').set('authorization', admin.auth).send(body as object);
    t.is(response.status, 422);
    t.true(response.body.errors.length >= 1);
    t.is((await http.get('/instruments/AAPL').set('authorization', user.auth)).body.lastPrice, '189.84');
  });
}

test('a price update for an unknown symbol is a 404', async (t) => {
  const { http, signIn } = await createPortfolioTestApp(t);
  const admin = await signIn('admin');
  t.is((await http.put('/instruments/NOPE/price').set('authorization', admin.auth).send({ price: '1.00' })).status, 404);
});

test('seeding again inserts only missing symbols and keeps updated prices', async (t) => {
  const { orm, clock, setPrice, http, user } = await createPortfolioTestApp(t);
  await setPrice('AAPL', '200.00');
  t.is(await seedInstruments(orm.em.fork(), clock.now()), 0);
  t.is(await seedInstruments(orm.em.fork(), clock.now(), [
    ...INSTRUMENT_UNIVERSE,
    { symbol: 'ZZTEST', name: 'Zed Test Corp.', assetClass: 'equity', currency: 'USD', lastPrice: '1.5' },
  ]), 1);
  t.is((await http.get('/instruments/AAPL').set('authorization', user.auth)).body.lastPrice, '200.00');
  t.like((await http.get('/instruments/ZZTEST').set('authorization', user.auth)).body, { lastPrice: '1.50' });
});

test('the seeded universe has unique, well-formed symbols and at least 40 instruments', (t) => {
  const seen = new Set(INSTRUMENT_UNIVERSE.map((instrument) => instrument.symbol));
  t.is(seen.size, INSTRUMENT_UNIVERSE.length);
  t.true(INSTRUMENT_UNIVERSE.length >= 40);
  for (const instrument of INSTRUMENT_UNIVERSE) {
    t.regex(instrument.symbol, /^[A-Z][A-Z0-9.-]{0,11}$/);
    t.regex(instrument.lastPrice, /^\d+\.\d{2,4}$/);
  }
});
