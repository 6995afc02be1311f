import test from 'ava';
import { createTestTokenIssuer } from '@ledgerline/test-kit';
import { createPortfolioTestApp } from '../testing.ts';

test('a created portfolio is empty, and reads back the same through get and list', async (t) => {
  const { http, user } = await createPortfolioTestApp(t);
  const created = await http.post('/portfolios').set('authorization', user.auth).send({ name: '  Retirement ', baseCurrency: 'eur', description: 'Long term' });
  t.is(created.status, 201);
  t.like(created.body, { name: 'Retirement', baseCurrency: 'EUR', description: 'Long term', cash: '0.00', createdAt: '2026-06-01T12:00:00.000Z' });
  t.regex(created.body.id, /^[0-9a-f-]{36}$/);
  t.is(created.headers.location, `/portfolios/${created.body.id}`);

  const read = await http.get(`/portfolios/${created.body.id}`).set('authorization', user.auth);
  t.is(read.status, 200);
  t.deepEqual(read.body, created.body);
  const list = await http.get('/portfolios').set('authorization', user.auth);
  t.deepEqual(list.body, { items: [created.body], nextCursor: null });
});

test('the list holds only the caller\'s portfolios, paged with a cursor', async (t) => {
  const { http, user, signIn, createPortfolio } = await createPortfolioTestApp(t);
  const other = await signIn();
  await createPortfolio({ name: 'Not yours' }, other);
  const mine = [];
  for (const name of ['One', 'Two', 'Three']) mine.push(await createPortfolio({ name }));

  const first = await http.get('/portfolios?limit=2').set('authorization', user.auth);
  t.is(first.status, 200);
  t.is(first.body.items.length, 2);
  t.truthy(first.body.nextCursor);
  const second = await http.get('/portfolios').query({ limit: 2, cursor: first.body.nextCursor }).set('authorization', user.auth);
  t.is(second.body.items.length, 1);
  t.is(second.body.nextCursor, null);
  const seen = [...first.body.items, ...second.body.items].map((item: { id: string }) => item.id).sort();
  t.deepEqual(seen, mine.map((portfolio) => portfolio.id).sort());
  t.false([...first.body.items, ...second.body.items].some((item: { name: string }) => item.name === 'Not yours'));
});

test('a bad list query is a 422 naming the parameter', async (t) => {
  const { http, user } = await createPortfolioTestApp(t);
  for (const [query, field] of [['limit=0', 'limit'], ['limit=101', 'limit'], ['limit=abc', 'limit'], ['cursor=not-a-cursor', 'cursor']]) {
    const response = await http.get(`/portfolios?${query}`).set('authorization', user.auth);
    t.is(response.status, 422, query);
    t.is(response.body.errors[0].field, field, query);
  }
});

const invalidBodies: Array<[string, Record<string, unknown>, string[]]> = [
  ['no fields at all', {}, ['baseCurrency', 'name']],
  ['an empty name', { name: '   ', baseCurrency: 'USD' }, ['name']],
  ['a name over 80 characters', { name: 'x'.repeat(81), baseCurrency: 'USD' }, ['name']],
  ['a name that is not a string', { name: 42, baseCurrency: 'USD' }, ['name']],
  ['an unsupported currency', { name: 'P', baseCurrency: 'XYZ' }, ['baseCurrency']],
  ['a currency that is not 3 letters', { name: 'P', baseCurrency: 'DOLLARS' }, ['baseCurrency']],
  ['a description over 500 characters', { name: 'P', baseCurrency: 'USD', description: 'd'.repeat(501) }, ['description']],
  ['an unknown field', { name: 'P', baseCurrency: 'USD', cash: '1000000.00' }, ['cash']],
];
for (const [what, body, fields] of invalidBodies) {
  test(`creating a portfolio with ${what} is a 422 naming ${fields.join(', ')}`, async (t) => {
    const { http, user } = await createPortfolioTestApp(t);
    const response = await http.post('/portfolios').set('authorization', user.auth).send(body);
    t.is(response.status, 422);
    t.is(response.type, 'application/problem+json');
    t.deepEqual(response.body.errors.map((e: { field: string }) => e.field).sort(), fields);
    t.deepEqual((await http.get('/portfolios').set('authorization', user.auth)).body.items, [], 'nothing was stored');
  });
}

test('an unknown field is reported with the code unknown_field', async (t) => {
  const { http, user } = await createPortfolioTestApp(t);
  const response = await http.post('/portfolios').set('authorization', user.auth).send({ name: 'P', baseCurrency: 'USD', ownerId: 'someone-else' });
  t.is(response.status, 422);
  t.deepEqual(response.body.errors.map((e: { code: string }) => e.code), ['unknown_field']);
});

test('PATCH renames and changes or clears the description; GET shows it', async (t) => {
  const { http, user, clock, createPortfolio } = await createPortfolioTestApp(t);
  const portfolio = await createPortfolio({ name: 'Old', description: 'first' });
  clock.advance(60_000);
  const renamed = await http.patch(`/portfolios/${portfolio.id}`).set('authorization', user.auth).send({ name: 'New' });
  t.is(renamed.status, 200);
  t.like(renamed.body, { name: 'New', description: 'first', baseCurrency: 'USD', updatedAt: '2026-06-01T12:01:00.000Z', createdAt: portfolio.createdAt });
  t.is((await http.patch(`/portfolios/${portfolio.id}`).set('authorization', user.auth).send({ description: null })).status, 200);
  const read = await http.get(`/portfolios/${portfolio.id}`).set('authorization', user.auth);
  t.like(read.body, { name: 'New', description: null });
});

test('PATCH refuses an empty update, bad values and fields that cannot change', async (t) => {
  const { http, user, createPortfolio } = await createPortfolioTestApp(t);
  const portfolio = await createPortfolio({ name: 'Keep' });
  const url = `/portfolios/${portfolio.id}`;
  t.is((await http.patch(url).set('authorization', user.auth).send({})).status, 422);
  t.deepEqual((await http.patch(url).set('authorization', user.auth).send({ name: '' })).body.errors.map((e: { field: string }) => e.field), ['name']);
  for (const body of [{ baseCurrency: 'EUR' }, { cash: '1.00' }, { id: portfolio.id }]) {
    const response = await http.patch(url).set('authorization', user.auth).send(body);
    t.is(response.status, 422);
    t.is(response.body.errors[0].code, 'unknown_field');
  }
  t.like((await http.get(url).set('authorization', user.auth)).body, { name: 'Keep', baseCurrency: 'USD', cash: '0.00' });
});

test('a malformed portfolio id is a 422, an unknown one a 404', async (t) => {
  const { http, user } = await createPortfolioTestApp(t);
  const malformed = await http.get('/portfolios/not-a-uuid').set('authorization', user.auth);
  t.is(malformed.status, 422);
  t.is(malformed.body.errors[0].field, 'id');
  const missing = await http.get('/portfolios/6f1c2b1e-0000-4000-8000-000000000000').set('authorization', user.auth);
  t.is(missing.status, 404);
  t.is(missing.body.code, 'not_found');
});

test('without a valid token every portfolio route is a 401', async (t) => {
  const { http, createPortfolio, issuer } = await createPortfolioTestApp(t);
  const portfolio = await createPortfolio();
  const expired = await issuer.token({ now: new Date('2020-01-01T00:00:00Z') });
  const requests = [
    () => http.get('/portfolios'),
    () => http.post('/portfolios').send({ name: 'P', baseCurrency: 'USD' }),
    () => http.get(`/portfolios/${portfolio.id}`),
    () => http.patch(`/portfolios/${portfolio.id}`).send({ name: 'X' }),
    () => http.delete(`/portfolios/${portfolio.id}`),
    () => http.get(`/portfolios/${portfolio.id}/holdings`).set('authorization', 'Bearer not.a.token'),
    () => http.get(`/portfolios/${portfolio.id}/performance`).set('authorization', `Bearer ${expired}`),
  ];
  for (const request of requests) {
    const response = await request();
    t.is(response.status, 401);
    t.is(response.headers['www-authenticate'], 'Bearer');
  }
});

test('a token from another issuer is refused', async (t) => {
  const { http } = await createPortfolioTestApp(t);
  const stranger = await createTestTokenIssuer();
  const response = await http.get('/portfolios').set('authorization', `Bearer ${await stranger.token()}`);
  t.is(response.status, 401);
  t.is(response.body.code, 'invalid_token');
});
