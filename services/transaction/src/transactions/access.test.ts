import test from 'ava';
import { createTestTokenIssuer } from '@ledgerline/test-kit';
import { createTransactionTestApp } from '../testing.ts';

test('every transaction route needs a valid bearer token (401 with a Bearer challenge)', async (t) => {
  const app = await createTransactionTestApp(t);
  const user = await app.signInWithPortfolio();
  const created = await app.record(user, { portfolioId: user.portfolioId, type: 'deposit', amount: '1.00' });
  const stranger = await createTestTokenIssuer();
  const foreignToken = await stranger.token({ userId: user.userId, now: app.clock.now() });
  const requests = [
    () => app.http.post('/transactions').send({ portfolioId: user.portfolioId, type: 'deposit', amount: '1.00' }),
    () => app.http.get('/transactions'),
    () => app.http.get(`/transactions/${created.body.id}`),
  ];
  for (const request of requests) {
    const none = await request();
    t.is(none.status, 401);
    t.is(none.headers['www-authenticate'], 'Bearer');
    t.is((await request().set('authorization', 'Bearer not.a.jwt')).body.code, 'invalid_token');
    t.is((await request().set('authorization', `Bearer ${foreignToken}`)).status, 401);
  }
  t.is(app.portfolio.calls.length, 1);
});

test('an expired token is refused as token_expired', async (t) => {
  const app = await createTransactionTestApp(t);
  const user = await app.signIn();
  app.clock.advance(10 * 60 * 1000); // the test token lives 300 s
  const response = await app.http.get('/transactions').set('authorization', user.auth);
  t.is(response.status, 401);
  t.is(response.body.code, 'token_expired');
});

test('another user can neither see nor fetch your transactions (404, never 403)', async (t) => {
  const app = await createTransactionTestApp(t);
  const ada = await app.signInWithPortfolio();
  const eve = await app.signInWithPortfolio();
  const mine = await app.record(ada, { portfolioId: ada.portfolioId, type: 'deposit', amount: '5.00' });
  t.is(mine.status, 201);
  const fetched = await app.http.get(`/transactions/${mine.body.id}`).set('authorization', eve.auth);
  t.is(fetched.status, 404);
  t.is(fetched.body.code, 'not_found');
  const history = await app.http.get('/transactions').query({ portfolioId: ada.portfolioId }).set('authorization', eve.auth);
  t.deepEqual(history.body, { items: [], nextCursor: null });
  const own = await app.http.get(`/transactions/${mine.body.id}`).set('authorization', ada.auth);
  t.is(own.status, 200);
});

test('an unknown transaction id is 404', async (t) => {
  const app = await createTransactionTestApp(t);
  const user = await app.signIn();
  for (const id of ['3f2b1c4d-1a2b-8c3d-9e4f-0123456789ab', 'nope']) {
    const response = await app.http.get(`/transactions/${id}`).set('authorization', user.auth);
    t.is(response.status, 404);
    t.is(response.body.code, 'not_found');
  }
});
