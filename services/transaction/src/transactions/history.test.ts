import test from 'ava';
import { createTransactionTestApp, type TestUser, type TransactionTestApp } from '../testing.ts';

interface Item {
  id: string;
  portfolioId: string;
  type: string;
  symbol: string | null;
  executedAt: string;
}

async function list(app: TransactionTestApp, user: TestUser, query: Record<string, string> = {}) {
  const response = await app.http.get('/transactions').query(query).set('authorization', user.auth);
  return response as typeof response & { body: { items: Item[]; nextCursor: string | null } };
}

/** The order every page must follow: executedAt desc, then id desc. */
const byHistoryOrder = (a: Item, b: Item) => (a.executedAt === b.executedAt ? (a.id < b.id ? 1 : -1) : a.executedAt < b.executedAt ? 1 : -1);

async function seedMixed(app: TransactionTestApp) {
  const user = await app.signInWithPortfolio('10000.00');
  const second = app.portfolio.addPortfolio(user.userId, '10000.00');
  const p = user.portfolioId;
  const bodies = [
    { portfolioId: p, type: 'deposit', amount: '100.00', executedAt: '2026-05-01T09:00:00Z' },
    { portfolioId: p, type: 'buy', symbol: 'AAPL', quantity: '1', price: '10', executedAt: '2026-05-02T09:00:00Z' },
    { portfolioId: p, type: 'buy', symbol: 'MSFT', quantity: '1', price: '10', executedAt: '2026-05-03T09:00:00Z' },
    { portfolioId: p, type: 'sell', symbol: 'AAPL', quantity: '1', price: '12', executedAt: '2026-05-03T23:59:59.999Z' },
    { portfolioId: second, type: 'buy', symbol: 'AAPL', quantity: '2', price: '10', executedAt: '2026-05-04T00:00:00Z' },
    { portfolioId: second, type: 'dividend', symbol: 'AAPL', amount: '1.50', executedAt: '2026-05-05T09:00:00Z' },
  ];
  const created: Item[] = [];
  for (const body of bodies) {
    const response = await app.record(user, body);
    if (response.status !== 201) throw new Error(JSON.stringify(response.body));
    created.push(response.body as Item);
  }
  return { user, p, second, created };
}

const ids = (items: Item[]) => items.map((item) => item.id);

test('history lists only the filtered transactions, newest first', async (t) => {
  const app = await createTransactionTestApp(t);
  const { user, p, second, created } = await seedMixed(app);
  const [deposit, buyAapl, buyMsft, sellAapl, buyAapl2, dividend] = created;
  t.deepEqual(ids((await list(app, user)).body.items), ids([dividend, buyAapl2, sellAapl, buyMsft, buyAapl, deposit]));
  t.deepEqual(ids((await list(app, user, { portfolioId: p })).body.items), ids([sellAapl, buyMsft, buyAapl, deposit]));
  t.deepEqual(ids((await list(app, user, { portfolioId: second })).body.items), ids([dividend, buyAapl2]));
  t.deepEqual(ids((await list(app, user, { symbol: 'AAPL' })).body.items), ids([dividend, buyAapl2, sellAapl, buyAapl]));
  t.deepEqual(ids((await list(app, user, { symbol: 'aapl', type: 'buy' })).body.items), ids([buyAapl2, buyAapl]));
  t.deepEqual(ids((await list(app, user, { type: 'deposit' })).body.items), ids([deposit]));
  t.deepEqual(ids((await list(app, user, { portfolioId: p, type: 'dividend' })).body.items), []);
});

test('a date range is inclusive; a date-only "to" covers that whole day', async (t) => {
  const app = await createTransactionTestApp(t);
  const { user, created } = await seedMixed(app);
  const [, buyAapl, buyMsft, sellAapl, buyAapl2] = created;
  t.deepEqual(ids((await list(app, user, { from: '2026-05-02', to: '2026-05-03' })).body.items), ids([sellAapl, buyMsft, buyAapl]));
  t.deepEqual(ids((await list(app, user, { from: '2026-05-02T09:00:00Z', to: '2026-05-03T09:00:00Z' })).body.items), ids([buyMsft, buyAapl]));
  t.deepEqual(ids((await list(app, user, { from: '2026-05-04T00:00:00Z', to: '2026-05-04T00:00:00Z' })).body.items), ids([buyAapl2]));
  t.deepEqual(ids((await list(app, user, { from: '2026-05-04T02:00:00+02:00', to: '2026-05-04' })).body.items), ids([buyAapl2]));
  t.deepEqual(ids((await list(app, user, { to: '2026-04-30' })).body.items), []);
});

test('cursor paging walks 25 transactions (many sharing an executedAt) with no duplicates or gaps', async (t) => {
  const app = await createTransactionTestApp(t);
  const user = await app.signInWithPortfolio('0.00');
  const instants = ['2026-05-01T10:00:00Z', '2026-05-02T10:00:00Z', '2026-05-02T10:00:00Z', '2026-05-03T10:00:00Z', '2026-05-03T10:00:00Z'];
  const created: Item[] = [];
  for (let i = 0; i < 25; i++) {
    const response = await app.record(user, { portfolioId: user.portfolioId, type: 'deposit', amount: `${i + 1}.00`, executedAt: instants[i % instants.length] });
    created.push(response.body as Item);
  }
  const expected = [...created].sort(byHistoryOrder);
  const seen: Item[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const page = await list(app, user, { limit: '7', ...(cursor ? { cursor } : {}) });
    t.is(page.status, 200);
    t.true(page.body.items.length <= 7);
    seen.push(...page.body.items);
    cursor = page.body.nextCursor;
    pages += 1;
  } while (cursor && pages < 10);
  t.is(pages, 4); // 7 + 7 + 7 + 4
  t.is(new Set(ids(seen)).size, 25);
  t.deepEqual(ids(seen), ids(expected));
  // the default page is 20, and the whole list fits in one page of 100
  const first = await list(app, user);
  t.is(first.body.items.length, 20);
  t.truthy(first.body.nextCursor);
  const all = await list(app, user, { limit: '100' });
  t.deepEqual(ids(all.body.items), ids(expected));
  t.is(all.body.nextCursor, null);
});

test('paging combines with filters', async (t) => {
  const app = await createTransactionTestApp(t);
  const user = await app.signInWithPortfolio('1000.00');
  for (let i = 0; i < 5; i++) {
    await app.record(user, { portfolioId: user.portfolioId, type: 'deposit', amount: '1.00', executedAt: '2026-05-01T10:00:00Z' });
    await app.record(user, { portfolioId: user.portfolioId, type: 'fee', amount: '1.00', executedAt: '2026-05-01T10:00:00Z' });
  }
  const one = await list(app, user, { type: 'fee', limit: '3' });
  const two = await list(app, user, { type: 'fee', limit: '3', cursor: one.body.nextCursor! });
  t.is(two.body.nextCursor, null);
  const fees = [...one.body.items, ...two.body.items];
  t.is(new Set(ids(fees)).size, 5);
  t.true(fees.every((item) => item.type === 'fee'));
});

test('invalid filters are 422 naming the parameter', async (t) => {
  const app = await createTransactionTestApp(t);
  const user = await app.signIn();
  const cases: Array<[Record<string, string>, string]> = [
    [{ type: 'transfer' }, 'type'],
    [{ from: 'last week' }, 'from'],
    [{ to: '2026-13-01' }, 'to'],
    [{ from: '2026-05-02', to: '2026-05-01' }, 'from'],
    [{ cursor: 'not-a-cursor' }, 'cursor'],
    [{ cursor: Buffer.from('["2026-05-01","x"]').toString('base64url') }, 'cursor'],
    [{ limit: '0' }, 'limit'],
    [{ limit: '101' }, 'limit'],
    [{ limit: 'ten' }, 'limit'],
    [{ symbol: 'WAY-TOO-LONG-SYMBOL' }, 'symbol'],
    [{ portfolioId: 'no spaces allowed' }, 'portfolioId'],
    [{ sort: 'asc' }, 'sort'],
  ];
  for (const [query, field] of cases) {
    const response = await list(app, user, query);
    t.is(response.status, 422, JSON.stringify(query));
    t.deepEqual(response.body.errors.map((e: { field: string }) => e.field), [field], JSON.stringify(query));
  }
  const repeated = await app.http.get('/transactions?type=buy&type=sell').set('authorization', user.auth);
  t.is(repeated.status, 422);
  t.is(repeated.body.errors[0].field, 'type');
});

test('empty filter values are ignored', async (t) => {
  const app = await createTransactionTestApp(t);
  const user = await app.signInWithPortfolio();
  await app.record(user, { portfolioId: user.portfolioId, type: 'deposit', amount: '1.00' });
  const response = await app.http.get('/transactions?portfolioId=&symbol=&type=&from=&to=&cursor=&limit=').set('authorization', user.auth);
  t.is(response.status, 200);
  t.is(response.body.items.length, 1);
});
