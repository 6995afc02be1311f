import test from 'ava';
import { problem, startFakeGateway, type FakeGateway } from '../testing.ts';
import { ApiError } from './api-error.ts';
import { GatewayClient } from './gateway-client.ts';
import { memoryStorage, Session } from './session.ts';

const tokens = (n: number) => ({ accessToken: `access-${n}`, refreshToken: `refresh-${n}`, tokenType: 'Bearer', expiresIn: 900 });

/** A client signed in with pair 1 against the fake, plus the session-expired events it saw. */
function signedInClient(fake: FakeGateway) {
  const session = new Session(memoryStorage());
  session.save(tokens(1));
  const expired: number[] = [];
  session.onExpired(() => expired.push(1));
  return { client: new GatewayClient(fake.url, { session }), session, expired };
}

/** Routes that accept only `Bearer access-<valid>` and answer 401 token_expired otherwise. */
function guarded(fake: FakeGateway, route: string, valid: number, answer: (ctx: Parameters<Parameters<FakeGateway['on']>[1]>[0]) => void) {
  fake.on(route, (ctx) => {
    if (ctx.get('authorization') !== `Bearer access-${valid}`) return problem(ctx, 401, 'token_expired', 'The access token has expired.');
    answer(ctx);
  });
}

const calls = (fake: FakeGateway, method: string, path: string) => fake.seen.filter((s) => s.method === method && s.path === path);

test('login posts exactly {email, password} as JSON without a token, keeps the tokens, and later calls carry the bearer token', async (t) => {
  const fake = await startFakeGateway(t);
  fake.on('POST /api/v1/auth/login', (ctx) => void (ctx.body = tokens(1)));
  fake.on('GET /api/v1/portfolios', (ctx) => void (ctx.body = { items: [] }));
  const client = new GatewayClient(fake.url);

  await client.login({ email: 'ana@example.com', password: 'Correct-Horse-9' });
  t.deepEqual(client.session.tokens, { accessToken: 'access-1', refreshToken: 'refresh-1' });
  t.deepEqual(await client.listPortfolios(), { items: [] });

  const [login, list] = fake.seen;
  t.deepEqual(login.body, { email: 'ana@example.com', password: 'Correct-Horse-9' });
  t.regex(String(login.headers['content-type']), /^application\/json/);
  t.is(login.headers.authorization, undefined);
  t.is(list.headers.authorization, 'Bearer access-1');
  t.is(list.rawBody, '');
  t.is(list.headers['content-type'], undefined);
});

test('a wrong password is an ApiError 401 invalid_credentials and does not try to refresh', async (t) => {
  const fake = await startFakeGateway(t);
  fake.on('POST /api/v1/auth/login', (ctx) => problem(ctx, 401, 'invalid_credentials', 'Email or password is wrong.'));
  const { client, expired } = signedInClient(fake);
  const error = await t.throwsAsync(client.login({ email: 'ana@example.com', password: 'nope' }), { instanceOf: ApiError });
  t.is(error.status, 401);
  t.is(error.code, 'invalid_credentials');
  t.is(error.detail, 'Email or password is wrong.');
  t.is(calls(fake, 'POST', '/api/v1/auth/refresh').length, 0);
  t.is(expired.length, 0);
});

test('recording a transaction sends the Idempotency-Key header and the body exactly as given', async (t) => {
  const fake = await startFakeGateway(t);
  guarded(fake, 'POST /api/v1/transactions', 1, (ctx) => {
    ctx.status = 201;
    ctx.body = { id: 'tx-1', portfolioId: 'p-1', type: 'buy', symbol: 'AAPL', quantity: '10', price: '100.00', amount: null, fees: '5.00', executedAt: '2026-05-01T00:00:00.000Z', createdAt: '2026-05-01T00:00:01.000Z', result: { cash: '895.00', holding: null, realizedPnl: null } };
  });
  const { client } = signedInClient(fake);
  const body = { portfolioId: 'p-1', type: 'buy' as const, symbol: 'AAPL', quantity: '10', price: '100.00', fees: '5.00' };
  const recorded = await client.recordTransaction(body, '2f1c5a6e-0000-4000-8000-000000000001');
  t.is(recorded.id, 'tx-1');
  // the fake's cash before was 1900.00: 1900.00 - 10 × 100.00 - 5.00 fees = 895.00
  t.is(recorded.result?.cash, '895.00');
  const [seen] = fake.seen;
  t.is(seen.headers['idempotency-key'], '2f1c5a6e-0000-4000-8000-000000000001');
  t.is(seen.headers.authorization, 'Bearer access-1');
  t.deepEqual(seen.body, body);
});

test('history filters travel as a query string with blank ones left out', async (t) => {
  const fake = await startFakeGateway(t);
  guarded(fake, 'GET /api/v1/transactions', 1, (ctx) => void (ctx.body = { items: [], nextCursor: null }));
  const { client } = signedInClient(fake);
  await client.listTransactions({ portfolioId: 'p-1', symbol: 'AAPL', type: '', from: '2026-01-01', to: undefined, cursor: 'c2', limit: 20 });
  t.deepEqual(fake.seen[0].query, { portfolioId: 'p-1', symbol: 'AAPL', from: '2026-01-01', cursor: 'c2', limit: '20' });
});

test('a problem+json answer becomes an ApiError with status, code, detail and one message per field', async (t) => {
  const fake = await startFakeGateway(t);
  fake.on('POST /api/v1/auth/register', (ctx) => problem(ctx, 422, 'validation_failed', 'One or more fields are invalid.', [
    { field: 'password', code: 'password_too_short', message: 'Use at least 12 characters.' },
    { field: 'password', code: 'password_too_few_classes', message: 'Mix at least three kinds of characters.' },
    { field: 'investmentProfile.horizonYears', code: 'too_big', message: 'Use 1 to 50 years.' },
  ]));
  const client = new GatewayClient(fake.url);
  const error = await t.throwsAsync(client.register({
    email: 'bo@example.com', password: 'short', fullName: 'Bo', investmentProfile: { riskTolerance: 'moderate', horizonYears: 99, goals: ['income'] },
  }), { instanceOf: ApiError });
  t.is(error.status, 422);
  t.is(error.code, 'validation_failed');
  t.is(error.detail, 'One or more fields are invalid.');
  t.deepEqual(error.fieldErrors, {
    password: 'Use at least 12 characters. Mix at least three kinds of characters.',
    'investmentProfile.horizonYears': 'Use 1 to 50 years.',
  });
  t.deepEqual(error.errors.map((e) => e.code), ['password_too_short', 'password_too_few_classes', 'too_big']);
  t.false(error.retryable);
});

test('a refused sale keeps the server\'s reason', async (t) => {
  const fake = await startFakeGateway(t);
  guarded(fake, 'POST /api/v1/transactions', 1, (ctx) => problem(ctx, 409, 'insufficient_quantity', 'Cannot sell more than held: 10 AAPL held.'));
  const { client } = signedInClient(fake);
  const error = await t.throwsAsync(client.recordTransaction({ portfolioId: 'p-1', type: 'sell', symbol: 'AAPL', quantity: '20', price: '1.00' }, 'k-1'), { instanceOf: ApiError });
  t.is(error.status, 409);
  t.is(error.code, 'insufficient_quantity');
  t.is(error.detail, 'Cannot sell more than held: 10 AAPL held.');
});

test('a non-JSON error page and an unreachable server become clear ApiErrors', async (t) => {
  const fake = await startFakeGateway(t);
  fake.on('GET /api/v1/auth/password-policy', (ctx) => {
    ctx.status = 502;
    ctx.type = 'text/html';
    ctx.body = '<h1>Bad gateway</h1>';
  });
  const htmlError = await t.throwsAsync(new GatewayClient(fake.url).passwordPolicy(), { instanceOf: ApiError });
  t.is(htmlError.status, 502);
  t.is(htmlError.code, 'http_502');
  t.regex(htmlError.detail, /answered unexpectedly/);

  const offline = new GatewayClient('http://127.0.0.1:1', { fetch: () => Promise.reject(new TypeError('fetch failed')) });
  const networkError = await t.throwsAsync(offline.passwordPolicy(), { instanceOf: ApiError });
  t.is(networkError.status, 0);
  t.is(networkError.code, 'network_error');
  t.true(networkError.retryable);
});

test('a 404 for someone else\'s portfolio is an ApiError not_found and never a refresh', async (t) => {
  const fake = await startFakeGateway(t);
  guarded(fake, 'GET /api/v1/portfolios/p-other', 1, (ctx) => problem(ctx, 404, 'not_found', 'Portfolio was not found.'));
  const { client } = signedInClient(fake);
  const error = await t.throwsAsync(client.getPortfolio('p-other'), { instanceOf: ApiError });
  t.is(error.status, 404);
  t.is(error.code, 'not_found');
  t.is(calls(fake, 'POST', '/api/v1/auth/refresh').length, 0);
});

test('an expired access token is refreshed once and the request retried once, with the same Idempotency-Key', async (t) => {
  const fake = await startFakeGateway(t);
  fake.on('POST /api/v1/auth/refresh', (ctx, seen) => {
    if ((seen.body as { refreshToken: string }).refreshToken !== 'refresh-1') return problem(ctx, 401, 'invalid_refresh_token');
    ctx.body = tokens(2);
  });
  guarded(fake, 'POST /api/v1/transactions', 2, (ctx) => {
    ctx.status = 201;
    ctx.body = { id: 'tx-9', portfolioId: 'p-1', type: 'deposit', symbol: null, quantity: null, price: null, amount: '250.00', fees: '0.00', executedAt: '2026-05-01T00:00:00.000Z', createdAt: '2026-05-01T00:00:00.000Z' };
  });
  const { client, session, expired } = signedInClient(fake);

  const recorded = await client.recordTransaction({ portfolioId: 'p-1', type: 'deposit', amount: '250.00' }, 'key-77');
  t.is(recorded.id, 'tx-9');

  const attempts = calls(fake, 'POST', '/api/v1/transactions');
  t.deepEqual(attempts.map((a) => a.headers.authorization), ['Bearer access-1', 'Bearer access-2']);
  t.deepEqual(attempts.map((a) => a.headers['idempotency-key']), ['key-77', 'key-77']);
  t.deepEqual(attempts[1].body, { portfolioId: 'p-1', type: 'deposit', amount: '250.00' });
  const refreshes = calls(fake, 'POST', '/api/v1/auth/refresh');
  t.is(refreshes.length, 1);
  t.deepEqual(refreshes[0].body, { refreshToken: 'refresh-1' });
  t.is(refreshes[0].headers.authorization, undefined);
  t.deepEqual(session.tokens, { accessToken: 'access-2', refreshToken: 'refresh-2' });
  t.is(expired.length, 0);
});

test('calls that fail together with an expired token share one refresh (the refresh token rotates)', async (t) => {
  const fake = await startFakeGateway(t);
  fake.on('POST /api/v1/auth/refresh', (ctx, seen) => {
    if ((seen.body as { refreshToken: string }).refreshToken !== 'refresh-1') return problem(ctx, 401, 'invalid_refresh_token');
    ctx.body = tokens(2);
  });
  guarded(fake, 'GET /api/v1/portfolios/p-1/holdings', 2, (ctx) => void (ctx.body = { items: [] }));
  guarded(fake, 'GET /api/v1/portfolios/p-1/performance', 2, (ctx) => void (ctx.body = { portfolioId: 'p-1' }));
  guarded(fake, 'GET /api/v1/portfolios/p-1', 2, (ctx) => void (ctx.body = { id: 'p-1' }));
  const { client, expired } = signedInClient(fake);

  const [holdings, performance, portfolio] = await Promise.all([client.listHoldings('p-1'), client.getPerformance('p-1'), client.getPortfolio('p-1')]);
  t.deepEqual(holdings, []);
  t.is(performance.portfolioId, 'p-1');
  t.is(portfolio.id, 'p-1');
  t.is(calls(fake, 'POST', '/api/v1/auth/refresh').length, 1);
  t.is(expired.length, 0);
});

test('when the refresh is refused the session expires: tokens cleared, listeners told once, the call fails as session_expired', async (t) => {
  const fake = await startFakeGateway(t);
  fake.on('POST /api/v1/auth/refresh', (ctx) => problem(ctx, 401, 'invalid_refresh_token', 'The refresh token is not valid.'));
  guarded(fake, 'GET /api/v1/portfolios', 2, (ctx) => void (ctx.body = { items: [] }));
  const { client, session, expired } = signedInClient(fake);

  const error = await t.throwsAsync(client.listPortfolios(), { instanceOf: ApiError });
  t.is(error.code, 'session_expired');
  t.is(error.detail, 'Your session has expired. Please log in again.');
  t.is(expired.length, 1);
  t.is(session.tokens, null);
  t.false(session.signedIn);
  t.is(calls(fake, 'GET', '/api/v1/portfolios').length, 1, 'the request is not retried without a new token');
});

test('a token still refused after a successful refresh ends the session instead of looping', async (t) => {
  const fake = await startFakeGateway(t);
  fake.on('POST /api/v1/auth/refresh', (ctx) => void (ctx.body = tokens(2)));
  fake.on('GET /api/v1/auth/me', (ctx) => problem(ctx, 401, 'session_revoked', 'This session has ended. Log in again.'));
  const { client, expired } = signedInClient(fake);
  const error = await t.throwsAsync(client.me(), { instanceOf: ApiError });
  t.is(error.code, 'session_expired');
  t.is(calls(fake, 'GET', '/api/v1/auth/me').length, 2);
  t.is(calls(fake, 'POST', '/api/v1/auth/refresh').length, 1);
  t.is(expired.length, 1);
});

test('a refresh that fails because the auth service is down keeps the user signed in and reports the outage', async (t) => {
  const fake = await startFakeGateway(t);
  fake.on('POST /api/v1/auth/refresh', (ctx) => problem(ctx, 503, 'auth_unavailable', 'The auth service is unavailable.'));
  guarded(fake, 'GET /api/v1/portfolios', 2, (ctx) => void (ctx.body = { items: [] }));
  const { client, session, expired } = signedInClient(fake);
  const error = await t.throwsAsync(client.listPortfolios(), { instanceOf: ApiError });
  t.is(error.status, 503);
  t.is(error.detail, 'The auth service is unavailable.');
  t.is(expired.length, 0);
  t.deepEqual(session.tokens, { accessToken: 'access-1', refreshToken: 'refresh-1' });
});

test('logout sends the refresh token and clears the session even when the server fails', async (t) => {
  const fake = await startFakeGateway(t);
  fake.on('POST /api/v1/auth/logout', (ctx) => problem(ctx, 503, 'auth_unavailable'));
  const { client, session, expired } = signedInClient(fake);
  await t.throwsAsync(client.logout(), { instanceOf: ApiError });
  t.deepEqual(fake.seen[0].body, { refreshToken: 'refresh-1' });
  t.is(session.tokens, null);
  t.is(expired.length, 0, 'logging out is not an expiry');
});

/** A promise the test resolves when it chooses (`open()`), to hold a fake answer until then. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, opened };
}
/** Resolves once the fake has received a `method path` request (fails after 5 s instead of hanging). */
async function seenBy(fake: FakeGateway, method: string, path: string) {
  const deadline = Date.now() + 5000;
  while (calls(fake, method, path).length === 0) {
    if (Date.now() > deadline) throw new Error(`${method} ${path} never reached the fake gateway`);
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}

test('a call the server refuses while the user logs out does not report an expired session over the logout', async (t) => {
  const fake = await startFakeGateway(t);
  const meAnswered = gate();
  const logoutAnswered = gate();
  fake.on('GET /api/v1/auth/me', async (ctx) => {
    await meAnswered.opened;
    problem(ctx, 401, 'session_revoked', 'This session has ended. Log in again.');
  });
  fake.on('POST /api/v1/auth/logout', async (ctx) => {
    await logoutAnswered.opened;
    ctx.status = 204;
  });
  fake.on('POST /api/v1/auth/refresh', (ctx) => problem(ctx, 401, 'invalid_refresh_token'));
  const { client, session, expired } = signedInClient(fake);

  // The page's call is on its way; the user clicks "Log out"; the server revokes the session and refuses the call.
  const page = client.me();
  await seenBy(fake, 'GET', '/api/v1/auth/me');
  const logout = client.logout();
  await seenBy(fake, 'POST', '/api/v1/auth/logout');
  meAnswered.open();
  const error = await t.throwsAsync(page, { instanceOf: ApiError });
  logoutAnswered.open();
  await logout;

  t.is(error.code, 'session_expired');
  t.is(expired.length, 0, 'the user logged out: no "session expired" message');
  t.is(calls(fake, 'POST', '/api/v1/auth/refresh').length, 0, 'no refresh of a session the user is ending');
  t.is(session.tokens, null);
});

test('a refresh answered after the user logged out does not sign them back in', async (t) => {
  const fake = await startFakeGateway(t);
  const refreshAnswered = gate();
  fake.on('POST /api/v1/auth/refresh', async (ctx) => {
    await refreshAnswered.opened;
    ctx.body = tokens(2);
  });
  fake.on('POST /api/v1/auth/logout', (ctx) => void (ctx.status = 204));
  guarded(fake, 'GET /api/v1/portfolios', 2, (ctx) => void (ctx.body = { items: [] }));
  const { client, session, expired } = signedInClient(fake);

  const page = client.listPortfolios();
  await seenBy(fake, 'POST', '/api/v1/auth/refresh');
  await client.logout();
  refreshAnswered.open();
  const error = await t.throwsAsync(page, { instanceOf: ApiError });

  t.is(error.code, 'session_expired');
  t.is(session.tokens, null, 'still logged out');
  t.is(calls(fake, 'GET', '/api/v1/portfolios').length, 1, 'the call is not retried with the late tokens');
  t.is(expired.length, 0);
});

test('portfolio, holdings, performance and instrument calls use the documented paths and shapes', async (t) => {
  const fake = await startFakeGateway(t);
  guarded(fake, 'POST /api/v1/portfolios', 1, (ctx) => {
    ctx.status = 201;
    ctx.body = { id: 'p 1/x', name: 'Growth', baseCurrency: 'EUR', description: null, cash: '0.00' };
  });
  guarded(fake, 'GET /api/v1/portfolios/p%201%2Fx/holdings', 1, (ctx) => void (ctx.body = { items: [{ symbol: 'AAPL', quantity: '10' }] }));
  guarded(fake, 'DELETE /api/v1/portfolios/p%201%2Fx', 1, (ctx) => void (ctx.status = 204));
  guarded(fake, 'GET /api/v1/instruments', 1, (ctx) => void (ctx.body = { items: [{ symbol: 'VWRL' }] }));
  const { client } = signedInClient(fake);

  const created = await client.createPortfolio({ name: 'Growth', baseCurrency: 'EUR' });
  t.deepEqual(fake.seen[0].body, { name: 'Growth', baseCurrency: 'EUR' });
  const holdings = await client.listHoldings(created.id);
  t.is(holdings[0].symbol, 'AAPL');
  t.is(await client.deletePortfolio(created.id, { force: true }), undefined);
  t.deepEqual(fake.seen[2].query, { force: 'true' });
  const instruments = await client.listInstruments({ q: 'vw' });
  t.is(instruments[0].symbol, 'VWRL');
  t.deepEqual(fake.seen[3].query, { q: 'vw' });
});
