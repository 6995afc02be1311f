/**
 * Consumer contract: the web UI's GatewayClient against the gateway's public API (/api/v1).
 * Drives the real client (in Node, with fetch) against the Pact mock server; writes contracts/web-gateway.json.
 * The gateway's verification runs the real gateway with the real services behind it, so these figures are
 * computed end to end: cash and cost basis are literal values a person can check by hand.
 */
import test, { type ExecutionContext } from 'ava';
import { consumerPact, Matchers, JSON_TYPE, BEARER, ISO, DECIMAL, PROBLEM_TYPE } from '@ledgerline/contract-kit';
import { GatewayClient } from '../src/api/gateway-client.ts';
import { Session } from '../src/api/session.ts';

const { like, eachLike, regex, integer, string, fromProviderState, nullValue } = Matchers;
const pact = consumerPact('web', 'gateway');

const ID = (example: string) => regex(/^[0-9a-f-]{36}$/, example);
const PORTFOLIO_ID = '3f1c2d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f';
const portfolioFromState = fromProviderState('${portfolioId}', PORTFOLIO_ID);
const problem = (code: string) => ({ code, title: string('Title'), status: integer(400), detail: string('What went wrong.') });
const signedIn = (baseUrl: string) => {
  const session = new Session();
  session.save({ accessToken: 'a.b.c', refreshToken: 'r-123' });
  return new GatewayClient(baseUrl, { session });
};
const registration = {
  email: 'ada@example.test', password: 'Blue-Harbour-Lamp', fullName: 'Ada Lovelace',
  investmentProfile: { riskTolerance: 'moderate' as const, horizonYears: 15, goals: ['retirement' as const] },
};
const user = { id: ID('8a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d'), email: string('ada@example.test'), fullName: string('Ada Lovelace'), role: 'user', active: true,
  investmentProfile: like({ riskTolerance: 'moderate', horizonYears: integer(15), goals: eachLike('retirement') }) };
const portfolio = (name: string) => ({ id: portfolioFromState, name, baseCurrency: 'USD', description: nullValue(), cash: DECIMAL('0.00'), createdAt: ISO('2026-03-01T10:00:00.000Z'), updatedAt: ISO('2026-03-01T10:00:00.000Z') });
const tokens = { accessToken: string('eyJhbGciOiJFUzI1NiJ9.e30.sig'), refreshToken: string('r-456'), tokenType: 'Bearer', expiresIn: integer(300) };

test.serial('password policy: the rules to show on the register screen', async (t) => {
  await pact.addInteraction()
    .uponReceiving('a request for the password rules')
    .withRequest('GET', '/api/v1/auth/password-policy')
    .willRespondWith(200, (b) => b.headers(JSON_TYPE).jsonBody({ rules: eachLike({ code: string('too_short'), text: string('At least 12 characters') }) }))
    .executeTest(async (mock) => {
      t.true((await new GatewayClient(mock.url).passwordPolicy()).rules.length > 0);
    });
});

test.serial('register: a new account (201)', async (t) => {
  await pact.addInteraction()
    .given('no user is registered with the email', { email: 'ada@example.test' })
    .uponReceiving('a registration from the register screen')
    .withRequest('POST', '/api/v1/auth/register', (b) => b.jsonBody(registration))
    .willRespondWith(201, (b) => b.headers(JSON_TYPE).jsonBody(user))
    .executeTest(async (mock) => {
      t.is((await new GatewayClient(mock.url).register(registration)).email, 'ada@example.test');
    });
});

test.serial('register: a weak password comes back as a field error on password', async (t) => {
  await pact.addInteraction()
    .given('no user is registered with the email', { email: 'ada@example.test' })
    .uponReceiving('a registration with a weak password from the register screen')
    .withRequest('POST', '/api/v1/auth/register', (b) => b.jsonBody({ ...registration, password: 'short' }))
    .willRespondWith(422, (b) => b.headers(PROBLEM_TYPE).jsonBody({ ...problem('validation_failed'), errors: eachLike({ field: 'password', code: string('password_too_short'), message: string('At least 12 characters') }) }))
    .executeTest(async (mock) => {
      const error = await t.throwsAsync(new GatewayClient(mock.url).register({ ...registration, password: 'short' }));
      t.like(error, { status: 422 });
      t.truthy((error as unknown as { fieldErrors: Record<string, string> }).fieldErrors.password);
    });
});

test.serial('login: the tokens are kept in the session', async (t) => {
  await pact.addInteraction()
    .given('a user with the email and password exists', { email: 'ada@example.test', password: 'Blue-Harbour-Lamp' })
    .uponReceiving('a login from the login screen')
    .withRequest('POST', '/api/v1/auth/login', (b) => b.jsonBody({ email: 'ada@example.test', password: 'Blue-Harbour-Lamp' }))
    .willRespondWith(200, (b) => b.headers(JSON_TYPE).jsonBody(tokens))
    .executeTest(async (mock) => {
      const client = new GatewayClient(mock.url);
      await client.login({ email: 'ada@example.test', password: 'Blue-Harbour-Lamp' });
      t.true(client.session.signedIn);
    });
});

test.serial('login: a wrong password is a 401 the screen explains', async (t) => {
  await pact.addInteraction()
    .given('a user with the email and password exists', { email: 'ada@example.test', password: 'Blue-Harbour-Lamp' })
    .uponReceiving('a login with a wrong password from the login screen')
    .withRequest('POST', '/api/v1/auth/login', (b) => b.jsonBody({ email: 'ada@example.test', password: 'Wrong-Password-1' }))
    .willRespondWith(401, (b) => b.headers(PROBLEM_TYPE).jsonBody(problem('invalid_credentials')))
    .executeTest(async (mock) => {
      t.like(await t.throwsAsync(new GatewayClient(mock.url).login({ email: 'ada@example.test', password: 'Wrong-Password-1' })), { status: 401, code: 'invalid_credentials' });
    });
});

test.serial('refresh: the session renews its tokens', async (t) => {
  await pact.addInteraction()
    .given('a user is logged in')
    .uponReceiving('a token refresh from the web app')
    .withRequest('POST', '/api/v1/auth/refresh', (b) => b.jsonBody({ refreshToken: fromProviderState('${refreshToken}', 'r-123') }))
    .willRespondWith(200, (b) => b.headers(JSON_TYPE).jsonBody(tokens))
    .executeTest(async (mock) => {
      const client = signedIn(mock.url);
      await client.refresh();
      t.is(client.session.tokens?.refreshToken, 'r-456');
    });
});

test.serial('logout: the session ends', async (t) => {
  await pact.addInteraction()
    .given('a user is logged in')
    .uponReceiving('a logout from the web app')
    .withRequest('POST', '/api/v1/auth/logout', (b) => b.jsonBody({ refreshToken: fromProviderState('${refreshToken}', 'r-123') }))
    .willRespondWith(204)
    .executeTest(async (mock) => {
      const client = signedIn(mock.url);
      await client.logout();
      t.false(client.session.signedIn);
    });
});

test.serial('me: the signed-in user, for the header', async (t) => {
  await pact.addInteraction()
    .given('a user is logged in')
    .uponReceiving('a request for the signed-in user from the web app')
    .withRequest('GET', '/api/v1/auth/me', (b) => b.headers(BEARER))
    .willRespondWith(200, (b) => b.headers(JSON_TYPE).jsonBody({ ...user, email: string('logged.in@example.test') }))
    .executeTest(async (mock) => {
      t.truthy((await signedIn(mock.url).me()).fullName);
    });
});

test.serial('portfolios: the list of the user’s portfolios', async (t) => {
  await pact.addInteraction()
    .given('a logged-in user has a portfolio', { name: 'Growth' })
    .uponReceiving('a request for the portfolio list')
    .withRequest('GET', '/api/v1/portfolios', (b) => b.headers(BEARER))
    .willRespondWith(200, (b) => b.headers(JSON_TYPE).jsonBody({ items: eachLike(portfolio('Growth')) }))
    .executeTest(async (mock) => {
      t.is((await signedIn(mock.url).listPortfolios()).items[0].name, 'Growth');
    });
});

test.serial('portfolios: create one (201)', async (t) => {
  await pact.addInteraction()
    .given('a user is logged in')
    .uponReceiving('a new portfolio from the create form')
    .withRequest('POST', '/api/v1/portfolios', (b) => b.headers(BEARER).jsonBody({ name: 'Growth', baseCurrency: 'USD' }))
    .willRespondWith(201, (b) => b.headers(JSON_TYPE).jsonBody({ ...portfolio('Growth'), id: ID(PORTFOLIO_ID) }))
    .executeTest(async (mock) => {
      t.is((await signedIn(mock.url).createPortfolio({ name: 'Growth', baseCurrency: 'USD' })).cash, '0.00');
    });
});

test.serial('portfolios: someone else’s portfolio is not found', async (t) => {
  await pact.addInteraction()
    .given('another user has a portfolio')
    .uponReceiving('a request for a portfolio of another user')
    .withRequest('GET', fromProviderState('/api/v1/portfolios/${portfolioId}', `/api/v1/portfolios/${PORTFOLIO_ID}`), (b) => b.headers(BEARER))
    .willRespondWith(404, (b) => b.headers(PROBLEM_TYPE).jsonBody(problem('not_found')))
    .executeTest(async (mock) => {
      t.like(await t.throwsAsync(signedIn(mock.url).getPortfolio(PORTFOLIO_ID)), { status: 404, code: 'not_found' });
    });
});

test.serial('holdings: the holdings table', async (t) => {
  await pact.addInteraction()
    .given('a logged-in user has a portfolio with cash and holdings')
    .uponReceiving('a request for the holdings of a portfolio')
    .withRequest('GET', fromProviderState('/api/v1/portfolios/${portfolioId}/holdings', `/api/v1/portfolios/${PORTFOLIO_ID}/holdings`), (b) => b.headers(BEARER))
    .willRespondWith(200, (b) => b.headers(JSON_TYPE).jsonBody({ items: eachLike({
      symbol: string('AAPL'), name: string('Apple Inc.'), assetClass: string('equity'), quantity: DECIMAL('10'), averageCost: DECIMAL('150.0000'),
      costBasis: DECIMAL('1500.00'), lastPrice: DECIMAL('189.84'), marketValue: DECIMAL('1898.40'), unrealizedPnl: DECIMAL('398.40'),
      unrealizedPnlPercent: DECIMAL('26.56'), realizedPnl: DECIMAL('0.00'),
    }) }))
    .executeTest(async (mock) => {
      t.is((await signedIn(mock.url).listHoldings(PORTFOLIO_ID))[0].symbol, 'AAPL');
    });
});

test.serial('performance: the summary, with figures a person can check', async (t) => {
  // deposit 10,000.00; buy 10 AAPL at 150.00 and 20 BND at 70.00 → cost basis 2,900.00, cash 7,100.00.
  await pact.addInteraction()
    .given('a logged-in user has a portfolio with cash and holdings')
    .uponReceiving('a request for the performance of a portfolio')
    .withRequest('GET', fromProviderState('/api/v1/portfolios/${portfolioId}/performance', `/api/v1/portfolios/${PORTFOLIO_ID}/performance`), (b) => b.headers(BEARER))
    .willRespondWith(200, (b) => b.headers(JSON_TYPE).jsonBody({
      portfolioId: portfolioFromState, baseCurrency: 'USD', marketValue: DECIMAL('3346.60'), costBasis: '2900.00', unrealizedPnl: DECIMAL('446.60'),
      unrealizedPnlPercent: DECIMAL('15.40'), realizedPnl: '0.00', cash: '7100.00', totalValue: DECIMAL('10446.60'),
      allocation: {
        byAssetClass: eachLike({ assetClass: string('equity'), marketValue: DECIMAL('1898.40'), weight: DECIMAL('56.73') }),
        byHolding: eachLike({ symbol: string('AAPL'), marketValue: DECIMAL('1898.40'), weight: DECIMAL('56.73') }),
      },
    }))
    .executeTest(async (mock) => {
      const performance = await signedIn(mock.url).getPerformance(PORTFOLIO_ID);
      t.is(performance.cash, '7100.00');
      t.is(performance.costBasis, '2900.00');
    });
});

test.serial('instruments: the symbols offered on the trade form', async (t) => {
  await pact.addInteraction()
    .given('a user is logged in')
    .uponReceiving('a search of the instruments')
    .withRequest('GET', '/api/v1/instruments', (b) => b.headers(BEARER).query({ q: 'AAPL' }))
    .willRespondWith(200, (b) => b.headers(JSON_TYPE).jsonBody({ items: eachLike({ symbol: 'AAPL', name: string('Apple Inc.'), assetClass: string('equity'), currency: string('USD'), lastPrice: DECIMAL('189.84') }) }))
    .executeTest(async (mock) => {
      t.is((await signedIn(mock.url).listInstruments({ q: 'AAPL' }))[0].symbol, 'AAPL');
    });
});

test.serial('trade: a buy is recorded with the Idempotency-Key of the submission', async (t) => {
  const buy = { portfolioId: PORTFOLIO_ID, type: 'buy' as const, symbol: 'MSFT', quantity: '2', price: '400.00', executedAt: '2026-03-02' };
  await pact.addInteraction()
    .given('a logged-in user has a portfolio with cash and holdings')
    .uponReceiving('a buy from the trade form')
    .withRequest('POST', '/api/v1/transactions', (b) => b.headers({ ...BEARER, 'Idempotency-Key': 'submission-1' }).jsonBody({ ...buy, portfolioId: portfolioFromState }))
    .willRespondWith(201, (b) => b.headers(JSON_TYPE).jsonBody({
      id: ID('0b5d8a3e-1c2f-8d4e-9a6b-7c8d9e0f1a2b'), portfolioId: portfolioFromState, type: 'buy', symbol: 'MSFT', quantity: '2', price: DECIMAL('400.00'),
      amount: nullValue(), fees: DECIMAL('0.00'), executedAt: ISO('2026-03-02T00:00:00.000Z'), createdAt: ISO('2026-03-02T10:00:00.000Z'),
      status: 'completed',
      result: { cash: '6300.00', holding: like({ symbol: 'MSFT', quantity: '2', averageCost: '400.0000' }), realizedPnl: nullValue() },
    }))
    .executeTest(async (mock) => {
      t.like(await signedIn(mock.url).recordTransaction(buy, 'submission-1'), { symbol: 'MSFT', status: 'completed' });
    });
});

test.serial('trade: while the portfolio service is down the deposit is accepted as pending (202), without a result yet', async (t) => {
  const deposit = { portfolioId: PORTFOLIO_ID, type: 'deposit' as const, amount: '250.00' };
  await pact.addInteraction()
    .given('a logged-in user has a portfolio and the portfolio service is down')
    .uponReceiving('a deposit from the trade form while the portfolio service is down')
    .withRequest('POST', '/api/v1/transactions', (b) => b.headers({ ...BEARER, 'Idempotency-Key': 'submission-3' }).jsonBody({ ...deposit, portfolioId: portfolioFromState }))
    .willRespondWith(202, (b) => b.headers(JSON_TYPE).jsonBody({
      id: ID('0b5d8a3e-1c2f-8d4e-9a6b-7c8d9e0f1a2b'), portfolioId: portfolioFromState, type: 'deposit', amount: DECIMAL('250.00'),
      executedAt: ISO('2026-03-02T10:00:00.000Z'), status: 'pending', result: nullValue(),
    }))
    .executeTest(async (mock) => {
      t.like(await signedIn(mock.url).recordTransaction(deposit, 'submission-3'), { type: 'deposit', status: 'pending', result: null });
    });
});

test.serial('trade: selling more than is held is refused with the reason', async (t) => {
  const sell = { portfolioId: PORTFOLIO_ID, type: 'sell' as const, symbol: 'AAPL', quantity: '50', price: '190.00' };
  await pact.addInteraction()
    .given('a logged-in user has a portfolio with cash and holdings')
    .uponReceiving('a sell of more than is held from the trade form')
    .withRequest('POST', '/api/v1/transactions', (b) => b.headers({ ...BEARER, 'Idempotency-Key': 'submission-2' }).jsonBody({ ...sell, portfolioId: portfolioFromState }))
    .willRespondWith(409, (b) => b.headers(PROBLEM_TYPE).jsonBody({ ...problem('insufficient_quantity'), detail: 'Cannot sell 50: only 10 held.' }))
    .executeTest(async (mock) => {
      const error = await t.throwsAsync(signedIn(mock.url).recordTransaction(sell, 'submission-2'));
      t.like(error, { status: 409, code: 'insufficient_quantity', detail: 'Cannot sell 50: only 10 held.' });
    });
});

test.serial('history: one page of a portfolio’s transactions, filtered by type', async (t) => {
  await pact.addInteraction()
    .given('a logged-in user has a portfolio with cash and holdings')
    .uponReceiving('a history page filtered by type')
    .withRequest('GET', '/api/v1/transactions', (b) => b.headers(BEARER).query({ portfolioId: portfolioFromState, type: 'buy', limit: '1' }))
    .willRespondWith(200, (b) => b.headers(JSON_TYPE).jsonBody({
      items: eachLike({ id: ID('0b5d8a3e-1c2f-8d4e-9a6b-7c8d9e0f1a2b'), portfolioId: portfolioFromState, type: 'buy', symbol: string('BND'), quantity: DECIMAL('20'),
        price: DECIMAL('70.00'), fees: DECIMAL('0.00'), executedAt: ISO('2026-03-02T00:00:00.000Z'), status: regex(/^(completed|pending)$/, 'completed') }),
      nextCursor: string('eyJ0IjoxfQ'),
    }))
    .executeTest(async (mock) => {
      const page = await signedIn(mock.url).listTransactions({ portfolioId: PORTFOLIO_ID, type: 'buy', limit: 1 });
      t.is(page.items.length, 1);
      t.truthy(page.nextCursor);
    });
});

test.serial('an invalid token with no way to refresh ends the session', async (t) => {
  await pact.addInteraction()
    .uponReceiving('a portfolio list request with an invalid token')
    .withRequest('GET', '/api/v1/portfolios', (b) => b.headers({ authorization: 'Bearer not-a-token' }))
    .willRespondWith(401, (b) => b.headers(PROBLEM_TYPE).jsonBody(problem('invalid_token')))
    .executeTest(async (mock) => {
      const session = new Session();
      session.save({ accessToken: 'not-a-token', refreshToken: '' });
      let expired = false;
      session.onExpired(() => { expired = true; });
      const error = await t.throwsAsync(new GatewayClient(mock.url, { session }).listPortfolios());
      t.like(error, { code: 'session_expired' });
      t.true(expired);
    });
});


// ---- every other answer the web app handles differently -----------------------------------------------------

const transactionView = (type: string, fields: Record<string, unknown>) => ({
  id: ID('0b5d8a3e-1c2f-8d4e-9a6b-7c8d9e0f1a2b'), portfolioId: portfolioFromState, type, fees: DECIMAL('0.00'),
  executedAt: ISO('2026-03-02T10:00:00.000Z'), createdAt: ISO('2026-03-02T10:00:00.000Z'), ...fields,
});
const transactionFromState = fromProviderState('/api/v1/transactions/${transactionId}', '/api/v1/transactions/0b5d8a3e-1c2f-8d4e-9a6b-7c8d9e0f1a2b');
const TRANSACTION_ID = '0b5d8a3e-1c2f-8d4e-9a6b-7c8d9e0f1a2b';
const fieldProblem = (code: string, field: string) => ({ ...problem(code), errors: eachLike({ field, code: string('invalid'), message: string('What is wrong with it.') }) });
const refused = async (t: ExecutionContext, call: Promise<unknown>) => (await t.throwsAsync(call)) as unknown as {
  status: number; code: string; detail: string; fieldErrors: Record<string, string>; retryable: boolean;
};

test.serial('register: an email that is taken is an error on the email field', async (t) => {
  await pact.addInteraction()
    .given('a user with the email and password exists', { email: 'ada@example.test', password: 'Blue-Harbour-Lamp' })
    .uponReceiving('a registration for a taken email from the register screen')
    .withRequest('POST', '/api/v1/auth/register', (b) => b.jsonBody(registration))
    .willRespondWith(409, (b) => b.headers(PROBLEM_TYPE).jsonBody(problem('email_taken')))
    .executeTest(async (mock) => {
      t.like(await refused(t, new GatewayClient(mock.url).register(registration)), { status: 409, code: 'email_taken' });
    });
});

test.serial('login: a deactivated account is told so, not "wrong password"', async (t) => {
  await pact.addInteraction()
    .given('a deactivated user with the email and password exists', { email: 'ada@example.test', password: 'Blue-Harbour-Lamp' })
    .uponReceiving('a login to a deactivated account from the login screen')
    .withRequest('POST', '/api/v1/auth/login', (b) => b.jsonBody({ email: 'ada@example.test', password: 'Blue-Harbour-Lamp' }))
    .willRespondWith(403, (b) => b.headers(PROBLEM_TYPE).jsonBody(problem('account_inactive')))
    .executeTest(async (mock) => {
      t.like(await refused(t, new GatewayClient(mock.url).login({ email: 'ada@example.test', password: 'Blue-Harbour-Lamp' })), { status: 403, code: 'account_inactive' });
    });
});

test.serial('refresh: a refused refresh token is a 4xx (the client then ends the session)', async (t) => {
  await pact.addInteraction()
    .given('a user is logged in')
    .uponReceiving('a token refresh with a refresh token that is no longer valid')
    .withRequest('POST', '/api/v1/auth/refresh', (b) => b.jsonBody({ refreshToken: 'r-revoked' }))
    .willRespondWith(401, (b) => b.headers(PROBLEM_TYPE).jsonBody(problem('invalid_refresh_token')))
    .executeTest(async (mock) => {
      // a refused refresh (4xx) is what makes the client expire the session (REFRESH_REFUSED in gateway-client.ts)
      const session = new Session();
      session.save({ accessToken: 'a.b.c', refreshToken: 'r-revoked' });
      t.like(await refused(t, new GatewayClient(mock.url, { session }).refresh()), { status: 401, code: 'invalid_refresh_token' });
    });
});

test.serial('profile: an update of the full name and horizon', async (t) => {
  const change = { fullName: 'Ada King', investmentProfile: { horizonYears: 20 } };
  await pact.addInteraction()
    .given('a user is logged in')
    .uponReceiving('a profile update from the web app')
    .withRequest('PATCH', '/api/v1/auth/me', (b) => b.headers(BEARER).jsonBody(change))
    .willRespondWith(200, (b) => b.headers(JSON_TYPE).jsonBody({ ...user, email: string('logged.in@example.test'), fullName: 'Ada King',
      investmentProfile: like({ riskTolerance: string('moderate'), horizonYears: 20, goals: eachLike('retirement') }) }))
    .executeTest(async (mock) => {
      t.like(await signedIn(mock.url).updateMe(change), { fullName: 'Ada King', investmentProfile: { horizonYears: 20 } });
    });
});

test.serial('profile: an out-of-range horizon is an error on that field', async (t) => {
  const change = { investmentProfile: { horizonYears: 99 } };
  await pact.addInteraction()
    .given('a user is logged in')
    .uponReceiving('a profile update with a horizon out of range')
    .withRequest('PATCH', '/api/v1/auth/me', (b) => b.headers(BEARER).jsonBody(change))
    .willRespondWith(422, (b) => b.headers(PROBLEM_TYPE).jsonBody(fieldProblem('validation_failed', 'investmentProfile.horizonYears')))
    .executeTest(async (mock) => {
      t.truthy((await refused(t, signedIn(mock.url).updateMe(change))).fieldErrors['investmentProfile.horizonYears']);
    });
});

test.serial('portfolios: a currency the API does not support is an error on that field', async (t) => {
  await pact.addInteraction()
    .given('a user is logged in')
    .uponReceiving('a new portfolio in an unsupported currency from the create form')
    .withRequest('POST', '/api/v1/portfolios', (b) => b.headers(BEARER).jsonBody({ name: 'Growth', baseCurrency: 'XXX' }))
    .willRespondWith(422, (b) => b.headers(PROBLEM_TYPE).jsonBody(fieldProblem('validation_failed', 'baseCurrency')))
    .executeTest(async (mock) => {
      t.truthy((await refused(t, signedIn(mock.url).createPortfolio({ name: 'Growth', baseCurrency: 'XXX' }))).fieldErrors.baseCurrency);
    });
});

test.serial('portfolios: while the portfolio service is unreachable the list fails with a retryable 503', async (t) => {
  await pact.addInteraction()
    .given('a user is logged in and the gateway cannot reach the portfolio service')
    .uponReceiving('a portfolio list request while the portfolio service is unreachable')
    .withRequest('GET', '/api/v1/portfolios', (b) => b.headers(BEARER))
    .willRespondWith(503, (b) => b.headers(PROBLEM_TYPE).jsonBody(problem('portfolio_unavailable')))
    .executeTest(async (mock) => {
      t.like(await refused(t, signedIn(mock.url).listPortfolios()), { status: 503, retryable: true });
    });
});

test.serial('portfolio: one of the user’s portfolios, for the header of its screens', async (t) => {
  await pact.addInteraction()
    .given('a logged-in user has a portfolio', { name: 'Growth' })
    .uponReceiving('a request for one of the user’s portfolios')
    .withRequest('GET', fromProviderState('/api/v1/portfolios/${portfolioId}', `/api/v1/portfolios/${PORTFOLIO_ID}`), (b) => b.headers(BEARER))
    .willRespondWith(200, (b) => b.headers(JSON_TYPE).jsonBody(portfolio('Growth')))
    .executeTest(async (mock) => {
      t.is((await signedIn(mock.url).getPortfolio(PORTFOLIO_ID)).name, 'Growth');
    });
});

test.serial('portfolio: a rename', async (t) => {
  await pact.addInteraction()
    .given('a logged-in user has a portfolio', { name: 'Growth' })
    .uponReceiving('a rename of one of the user’s portfolios')
    .withRequest('PATCH', fromProviderState('/api/v1/portfolios/${portfolioId}', `/api/v1/portfolios/${PORTFOLIO_ID}`), (b) => b.headers(BEARER).jsonBody({ name: 'Income' }))
    .willRespondWith(200, (b) => b.headers(JSON_TYPE).jsonBody(portfolio('Income')))
    .executeTest(async (mock) => {
      t.is((await signedIn(mock.url).updatePortfolio(PORTFOLIO_ID, { name: 'Income' })).name, 'Income');
    });
});

test.serial('portfolio: a blank name is an error on the name field', async (t) => {
  await pact.addInteraction()
    .given('a logged-in user has a portfolio', { name: 'Growth' })
    .uponReceiving('a rename to a blank name')
    .withRequest('PATCH', fromProviderState('/api/v1/portfolios/${portfolioId}', `/api/v1/portfolios/${PORTFOLIO_ID}`), (b) => b.headers(BEARER).jsonBody({ name: ' ' }))
    .willRespondWith(422, (b) => b.headers(PROBLEM_TYPE).jsonBody(fieldProblem('validation_failed', 'name')))
    .executeTest(async (mock) => {
      t.truthy((await refused(t, signedIn(mock.url).updatePortfolio(PORTFOLIO_ID, { name: ' ' }))).fieldErrors.name);
    });
});

test.serial('portfolio: deleting one that holds cash or positions is refused, naming why', async (t) => {
  await pact.addInteraction()
    .given('a logged-in user has a portfolio with cash and holdings')
    .uponReceiving('a delete of a portfolio that is not empty')
    .withRequest('DELETE', fromProviderState('/api/v1/portfolios/${portfolioId}', `/api/v1/portfolios/${PORTFOLIO_ID}`), (b) => b.headers(BEARER))
    .willRespondWith(409, (b) => b.headers(PROBLEM_TYPE).jsonBody(problem('portfolio_not_empty')))
    .executeTest(async (mock) => {
      t.like(await refused(t, signedIn(mock.url).deletePortfolio(PORTFOLIO_ID)), { status: 409, code: 'portfolio_not_empty' });
    });
});

test.serial('portfolio: a forced delete of a portfolio that is not empty', async (t) => {
  await pact.addInteraction()
    .given('a logged-in user has a portfolio with cash and holdings')
    .uponReceiving('a forced delete of a portfolio that is not empty')
    .withRequest('DELETE', fromProviderState('/api/v1/portfolios/${portfolioId}', `/api/v1/portfolios/${PORTFOLIO_ID}`), (b) => b.headers(BEARER).query({ force: 'true' }))
    .willRespondWith(204)
    .executeTest(async (mock) => {
      t.is(await signedIn(mock.url).deletePortfolio(PORTFOLIO_ID, { force: true }), undefined);
    });
});

test.serial('holdings: a new portfolio has none (the empty state)', async (t) => {
  await pact.addInteraction()
    .given('a logged-in user has a portfolio', { name: 'Growth' })
    .uponReceiving('a request for the holdings of a new portfolio')
    .withRequest('GET', fromProviderState('/api/v1/portfolios/${portfolioId}/holdings', `/api/v1/portfolios/${PORTFOLIO_ID}/holdings`), (b) => b.headers(BEARER))
    .willRespondWith(200, (b) => b.headers(JSON_TYPE).jsonBody({ items: [] }))
    .executeTest(async (mock) => {
      t.deepEqual(await signedIn(mock.url).listHoldings(PORTFOLIO_ID), []);
    });
});

test.serial('performance: a new portfolio has nothing to allocate (the empty chart)', async (t) => {
  await pact.addInteraction()
    .given('a logged-in user has a portfolio', { name: 'Growth' })
    .uponReceiving('a request for the performance of a new portfolio')
    .withRequest('GET', fromProviderState('/api/v1/portfolios/${portfolioId}/performance', `/api/v1/portfolios/${PORTFOLIO_ID}/performance`), (b) => b.headers(BEARER))
    .willRespondWith(200, (b) => b.headers(JSON_TYPE).jsonBody({
      portfolioId: portfolioFromState, baseCurrency: 'USD', marketValue: '0.00', costBasis: '0.00', unrealizedPnl: '0.00', unrealizedPnlPercent: DECIMAL('0.00'),
      realizedPnl: '0.00', cash: '0.00', totalValue: '0.00', allocation: { byAssetClass: [], byHolding: [] },
    }))
    .executeTest(async (mock) => {
      t.deepEqual((await signedIn(mock.url).getPerformance(PORTFOLIO_ID)).allocation, { byAssetClass: [], byHolding: [] });
    });
});

test.serial('holdings: an opening position entered directly', async (t) => {
  const position = { symbol: 'AAPL', quantity: '10', averageCost: '150.00' };
  await pact.addInteraction()
    .given('a logged-in user has a portfolio', { name: 'Growth' })
    .uponReceiving('an opening position from the web app')
    .withRequest('POST', fromProviderState('/api/v1/portfolios/${portfolioId}/holdings', `/api/v1/portfolios/${PORTFOLIO_ID}/holdings`), (b) => b.headers(BEARER).jsonBody(position))
    .willRespondWith(201, (b) => b.headers(JSON_TYPE).jsonBody({
      symbol: 'AAPL', name: string('Apple Inc.'), assetClass: string('equity'), quantity: '10', averageCost: '150.0000', costBasis: '1500.00',
      lastPrice: DECIMAL('189.84'), marketValue: DECIMAL('1898.40'), unrealizedPnl: DECIMAL('398.40'), unrealizedPnlPercent: DECIMAL('26.56'), realizedPnl: '0.00',
    }))
    .executeTest(async (mock) => {
      t.like(await signedIn(mock.url).openPosition(PORTFOLIO_ID, position), { symbol: 'AAPL', costBasis: '1500.00' });
    });
});

test.serial('holdings: an opening position in an unknown symbol is an error on the symbol field', async (t) => {
  const position = { symbol: 'ZZZZ', quantity: '10', averageCost: '150.00' };
  await pact.addInteraction()
    .given('a logged-in user has a portfolio', { name: 'Growth' })
    .uponReceiving('an opening position in an unknown symbol from the web app')
    .withRequest('POST', fromProviderState('/api/v1/portfolios/${portfolioId}/holdings', `/api/v1/portfolios/${PORTFOLIO_ID}/holdings`), (b) => b.headers(BEARER).jsonBody(position))
    .willRespondWith(422, (b) => b.headers(PROBLEM_TYPE).jsonBody(fieldProblem('unknown_symbol', 'symbol')))
    .executeTest(async (mock) => {
      t.truthy((await refused(t, signedIn(mock.url).openPosition(PORTFOLIO_ID, position))).fieldErrors.symbol);
    });
});

test.serial('instruments: the whole universe, for the trade form’s suggestions', async (t) => {
  await pact.addInteraction()
    .given('a user is logged in')
    .uponReceiving('a request for every instrument')
    .withRequest('GET', '/api/v1/instruments', (b) => b.headers(BEARER))
    .willRespondWith(200, (b) => b.headers(JSON_TYPE).jsonBody({ items: eachLike({ symbol: string('AAPL'), name: string('Apple Inc.'), assetClass: string('equity'), currency: string('USD'), lastPrice: DECIMAL('189.84') }) }))
    .executeTest(async (mock) => {
      t.true((await signedIn(mock.url).listInstruments()).length > 0);
    });
});

test.serial('trade: a deposit is recorded and the new cash comes back', async (t) => {
  const deposit = { portfolioId: PORTFOLIO_ID, type: 'deposit' as const, amount: '250.00' };
  await pact.addInteraction()
    .given('a logged-in user has a portfolio with cash and holdings')
    .uponReceiving('a deposit from the trade form')
    .withRequest('POST', '/api/v1/transactions', (b) => b.headers({ ...BEARER, 'Idempotency-Key': 'submission-4' }).jsonBody({ ...deposit, portfolioId: portfolioFromState }))
    .willRespondWith(201, (b) => b.headers(JSON_TYPE).jsonBody(transactionView('deposit', {
      amount: '250.00', status: 'completed', result: { cash: '7350.00', holding: nullValue(), realizedPnl: nullValue() },
    })))
    .executeTest(async (mock) => {
      t.like(await signedIn(mock.url).recordTransaction(deposit, 'submission-4'), { status: 'completed', result: { cash: '7350.00', holding: null } });
    });
});

test.serial('trade: a sell is recorded with its realised P/L', async (t) => {
  // 10 AAPL bought at 150.00; sell 4 at 190.00 → realised (190 − 150) × 4 = 160.00; cash 7,100.00 + 760.00
  const sell = { portfolioId: PORTFOLIO_ID, type: 'sell' as const, symbol: 'AAPL', quantity: '4', price: '190.00' };
  await pact.addInteraction()
    .given('a logged-in user has a portfolio with cash and holdings')
    .uponReceiving('a sell from the trade form')
    .withRequest('POST', '/api/v1/transactions', (b) => b.headers({ ...BEARER, 'Idempotency-Key': 'submission-5' }).jsonBody({ ...sell, portfolioId: portfolioFromState }))
    .willRespondWith(201, (b) => b.headers(JSON_TYPE).jsonBody(transactionView('sell', {
      symbol: 'AAPL', quantity: '4', price: DECIMAL('190.00'), status: 'completed',
      result: { cash: '7860.00', holding: like({ symbol: 'AAPL', quantity: '6', averageCost: '150.0000' }), realizedPnl: '160.00' },
    })))
    .executeTest(async (mock) => {
      t.like(await signedIn(mock.url).recordTransaction(sell, 'submission-5'), { result: { realizedPnl: '160.00', cash: '7860.00' } });
    });
});

test.serial('trade: the same submission sent again (same Idempotency-Key) answers 200 with the recorded transaction', async (t) => {
  const deposit = { portfolioId: PORTFOLIO_ID, type: 'deposit' as const, amount: '100.00' };
  await pact.addInteraction()
    .given('a logged-in user has recorded a deposit with an idempotency key', { idempotencyKey: 'submission-6', amount: '100.00' })
    .uponReceiving('a deposit sent again with the same idempotency key from the trade form')
    .withRequest('POST', '/api/v1/transactions', (b) => b.headers({ ...BEARER, 'Idempotency-Key': 'submission-6' }).jsonBody({ ...deposit, portfolioId: portfolioFromState }))
    .willRespondWith(200, (b) => b.headers(JSON_TYPE).jsonBody(transactionView('deposit', {
      amount: '100.00', status: 'completed', result: { cash: '100.00', holding: nullValue(), realizedPnl: nullValue() },
    })))
    .executeTest(async (mock) => {
      t.like(await signedIn(mock.url).recordTransaction(deposit, 'submission-6'), { status: 'completed', result: { cash: '100.00' } });
    });
});

test.serial('trade: withdrawing more cash than there is is refused with the reason', async (t) => {
  const withdrawal = { portfolioId: PORTFOLIO_ID, type: 'withdrawal' as const, amount: '999999.00' };
  await pact.addInteraction()
    .given('a logged-in user has a portfolio with cash and holdings')
    .uponReceiving('a withdrawal of more than the cash from the trade form')
    .withRequest('POST', '/api/v1/transactions', (b) => b.headers({ ...BEARER, 'Idempotency-Key': 'submission-7' }).jsonBody({ ...withdrawal, portfolioId: portfolioFromState }))
    .willRespondWith(409, (b) => b.headers(PROBLEM_TYPE).jsonBody(problem('insufficient_cash')))
    .executeTest(async (mock) => {
      t.like(await refused(t, signedIn(mock.url).recordTransaction(withdrawal, 'submission-7')), { status: 409, code: 'insufficient_cash', retryable: false });
    });
});

test.serial('trade: a buy of a symbol that is not an instrument is refused with the reason', async (t) => {
  const buy = { portfolioId: PORTFOLIO_ID, type: 'buy' as const, symbol: 'ZZZZ', quantity: '1', price: '10.00' };
  await pact.addInteraction()
    .given('a logged-in user has a portfolio with cash and holdings')
    .uponReceiving('a buy of an unknown symbol from the trade form')
    .withRequest('POST', '/api/v1/transactions', (b) => b.headers({ ...BEARER, 'Idempotency-Key': 'submission-8' }).jsonBody({ ...buy, portfolioId: portfolioFromState }))
    .willRespondWith(422, (b) => b.headers(PROBLEM_TYPE).jsonBody(problem('unknown_symbol')))
    .executeTest(async (mock) => {
      t.like(await refused(t, signedIn(mock.url).recordTransaction(buy, 'submission-8')), { status: 422, code: 'unknown_symbol' });
    });
});

test.serial('trade: a negative amount is an error on the amount field', async (t) => {
  const deposit = { portfolioId: PORTFOLIO_ID, type: 'deposit' as const, amount: '-5.00' };
  await pact.addInteraction()
    .given('a logged-in user has a portfolio with cash and holdings')
    .uponReceiving('a deposit with a negative amount from the trade form')
    .withRequest('POST', '/api/v1/transactions', (b) => b.headers({ ...BEARER, 'Idempotency-Key': 'submission-9' }).jsonBody({ ...deposit, portfolioId: portfolioFromState }))
    .willRespondWith(422, (b) => b.headers(PROBLEM_TYPE).jsonBody(fieldProblem('validation_failed', 'amount')))
    .executeTest(async (mock) => {
      t.truthy((await refused(t, signedIn(mock.url).recordTransaction(deposit, 'submission-9'))).fieldErrors.amount);
    });
});

test.serial('trade: into another user’s portfolio is "not found"', async (t) => {
  const deposit = { portfolioId: PORTFOLIO_ID, type: 'deposit' as const, amount: '10.00' };
  await pact.addInteraction()
    .given('another user has a portfolio')
    .uponReceiving('a deposit into a portfolio of another user from the trade form')
    .withRequest('POST', '/api/v1/transactions', (b) => b.headers({ ...BEARER, 'Idempotency-Key': 'submission-10' }).jsonBody({ ...deposit, portfolioId: portfolioFromState }))
    .willRespondWith(404, (b) => b.headers(PROBLEM_TYPE).jsonBody(problem('not_found')))
    .executeTest(async (mock) => {
      t.like(await refused(t, signedIn(mock.url).recordTransaction(deposit, 'submission-10')), { status: 404 });
    });
});

test.serial('trade: while the transaction service is unreachable the submission fails with a retryable 503', async (t) => {
  const deposit = { portfolioId: PORTFOLIO_ID, type: 'deposit' as const, amount: '10.00' };
  await pact.addInteraction()
    .given('a logged-in user has a portfolio and the gateway cannot reach the transaction service')
    .uponReceiving('a deposit while the transaction service is unreachable')
    .withRequest('POST', '/api/v1/transactions', (b) => b.headers({ ...BEARER, 'Idempotency-Key': 'submission-11' }).jsonBody({ ...deposit, portfolioId: portfolioFromState }))
    .willRespondWith(503, (b) => b.headers(PROBLEM_TYPE).jsonBody(problem('transaction_unavailable')))
    .executeTest(async (mock) => {
      t.like(await refused(t, signedIn(mock.url).recordTransaction(deposit, 'submission-11')), { status: 503, retryable: true });
    });
});

test.serial('transaction: a completed one, as the trade form and history ask about it', async (t) => {
  await pact.addInteraction()
    .given('a logged-in user has recorded a deposit with an idempotency key', { idempotencyKey: 'submission-12', amount: '100.00' })
    .uponReceiving('a request for a completed transaction')
    .withRequest('GET', transactionFromState, (b) => b.headers(BEARER))
    .willRespondWith(200, (b) => b.headers(JSON_TYPE).jsonBody(transactionView('deposit', {
      id: fromProviderState('${transactionId}', TRANSACTION_ID), amount: '100.00', status: 'completed', result: { cash: '100.00', holding: nullValue(), realizedPnl: nullValue() },
    })))
    .executeTest(async (mock) => {
      t.like(await signedIn(mock.url).getTransaction(TRANSACTION_ID), { status: 'completed', result: { cash: '100.00' } });
    });
});

test.serial('transaction: a pending one (the portfolio service was down) is still pending, without a result', async (t) => {
  await pact.addInteraction()
    .given('a logged-in user has a pending deposit (the portfolio service is down)')
    .uponReceiving('a request for a pending transaction')
    .withRequest('GET', transactionFromState, (b) => b.headers(BEARER))
    .willRespondWith(200, (b) => b.headers(JSON_TYPE).jsonBody(transactionView('deposit', {
      id: fromProviderState('${transactionId}', TRANSACTION_ID), amount: DECIMAL('250.00'), status: 'pending', result: nullValue(),
    })))
    .executeTest(async (mock) => {
      t.like(await signedIn(mock.url).getTransaction(TRANSACTION_ID), { status: 'pending', result: null });
    });
});

test.serial('history: a portfolio with no transactions (the empty state, no "Load more")', async (t) => {
  await pact.addInteraction()
    .given('a logged-in user has a portfolio', { name: 'Growth' })
    .uponReceiving('a history request for a portfolio with no transactions')
    .withRequest('GET', '/api/v1/transactions', (b) => b.headers(BEARER).query({ portfolioId: portfolioFromState }))
    .willRespondWith(200, (b) => b.headers(JSON_TYPE).jsonBody({ items: [], nextCursor: nullValue() }))
    .executeTest(async (mock) => {
      t.deepEqual(await signedIn(mock.url).listTransactions({ portfolioId: PORTFOLIO_ID }), { items: [], nextCursor: null });
    });
});

test.serial('history: "Load more" sends the cursor and gets the last page', async (t) => {
  await pact.addInteraction()
    .given('a logged-in user has a portfolio with cash and holdings and a cursor after its newest buy')
    .uponReceiving('a history request for the page after a cursor')
    .withRequest('GET', '/api/v1/transactions', (b) => b.headers(BEARER).query({ portfolioId: portfolioFromState, type: 'buy', cursor: fromProviderState('${cursor}', 'eyJ0IjoxfQ'), limit: '5' }))
    .willRespondWith(200, (b) => b.headers(JSON_TYPE).jsonBody({
      items: [transactionView('buy', { symbol: 'AAPL', quantity: '10', price: DECIMAL('150.00'), status: 'completed' })],
      nextCursor: nullValue(),
    }))
    .executeTest(async (mock) => {
      const page = await signedIn(mock.url).listTransactions({ portfolioId: PORTFOLIO_ID, type: 'buy', cursor: 'eyJ0IjoxfQ', limit: 5 });
      t.is(page.items.length, 1);
      t.is(page.nextCursor, null);
    });
});

test.serial('history: a date filter the API cannot read is an error on that filter', async (t) => {
  await pact.addInteraction()
    .given('a logged-in user has a portfolio', { name: 'Growth' })
    .uponReceiving('a history request with an unreadable from date')
    .withRequest('GET', '/api/v1/transactions', (b) => b.headers(BEARER).query({ portfolioId: portfolioFromState, from: 'yesterday' }))
    .willRespondWith(422, (b) => b.headers(PROBLEM_TYPE).jsonBody(fieldProblem('validation_failed', 'from')))
    .executeTest(async (mock) => {
      t.truthy((await refused(t, signedIn(mock.url).listTransactions({ portfolioId: PORTFOLIO_ID, from: 'yesterday' }))).fieldErrors.from);
    });
});

test.serial('login: a locked account is told how long to wait (429 with Retry-After)', async (t) => {
  await pact.addInteraction()
    .given('a user with the email has failed to log in five times', { email: 'ada@example.test', password: 'Blue-Harbour-Lamp' })
    .uponReceiving('a login to an account locked after failed logins, from the login screen')
    .withRequest('POST', '/api/v1/auth/login', (b) => b.jsonBody({ email: 'ada@example.test', password: 'Blue-Harbour-Lamp' }))
    .willRespondWith(429, (b) => b.headers({ ...PROBLEM_TYPE, 'Retry-After': regex(/^\d+$/, '60') }).jsonBody(problem('too_many_requests')))
    .executeTest(async (mock) => {
      const error = await refused(t, new GatewayClient(mock.url).login({ email: 'ada@example.test', password: 'Blue-Harbour-Lamp' }));
      t.like(error, { status: 429, retryAfterSeconds: 60 });
    });
});

test.serial('holdings: another user’s portfolio is not found (the page shows "Portfolio not found")', async (t) => {
  await pact.addInteraction()
    .given('another user has a portfolio')
    .uponReceiving('a request for the holdings of a portfolio of another user')
    .withRequest('GET', fromProviderState('/api/v1/portfolios/${portfolioId}/holdings', `/api/v1/portfolios/${PORTFOLIO_ID}/holdings`), (b) => b.headers(BEARER))
    .willRespondWith(404, (b) => b.headers(PROBLEM_TYPE).jsonBody(problem('not_found')))
    .executeTest(async (mock) => {
      t.like(await refused(t, signedIn(mock.url).listHoldings(PORTFOLIO_ID)), { status: 404 });
    });
});

test.serial('performance: another user’s portfolio is not found (the page shows "Portfolio not found")', async (t) => {
  await pact.addInteraction()
    .given('another user has a portfolio')
    .uponReceiving('a request for the performance of a portfolio of another user')
    .withRequest('GET', fromProviderState('/api/v1/portfolios/${portfolioId}/performance', `/api/v1/portfolios/${PORTFOLIO_ID}/performance`), (b) => b.headers(BEARER))
    .willRespondWith(404, (b) => b.headers(PROBLEM_TYPE).jsonBody(problem('not_found')))
    .executeTest(async (mock) => {
      t.like(await refused(t, signedIn(mock.url).getPerformance(PORTFOLIO_ID)), { status: 404 });
    });
});

test.serial('portfolio: an id that never existed is "not found" too, like another user’s', async (t) => {
  const missing = '9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b';
  await pact.addInteraction()
    .given('a user is logged in')
    .uponReceiving('a request for a portfolio that does not exist')
    .withRequest('GET', `/api/v1/portfolios/${missing}`, (b) => b.headers(BEARER))
    .willRespondWith(404, (b) => b.headers(PROBLEM_TYPE).jsonBody(problem('not_found')))
    .executeTest(async (mock) => {
      t.like(await refused(t, signedIn(mock.url).getPortfolio(missing)), { status: 404, code: 'not_found' });
    });
});

test.serial('portfolio: renaming another user’s portfolio is "not found"', async (t) => {
  await pact.addInteraction()
    .given('another user has a portfolio')
    .uponReceiving('a rename of a portfolio of another user')
    .withRequest('PATCH', fromProviderState('/api/v1/portfolios/${portfolioId}', `/api/v1/portfolios/${PORTFOLIO_ID}`), (b) => b.headers(BEARER).jsonBody({ name: 'Mine now' }))
    .willRespondWith(404, (b) => b.headers(PROBLEM_TYPE).jsonBody(problem('not_found')))
    .executeTest(async (mock) => {
      t.like(await refused(t, signedIn(mock.url).updatePortfolio(PORTFOLIO_ID, { name: 'Mine now' })), { status: 404 });
    });
});

test.serial('portfolio: deleting another user’s portfolio is "not found", even with force', async (t) => {
  await pact.addInteraction()
    .given('another user has a portfolio')
    .uponReceiving('a forced delete of a portfolio of another user')
    .withRequest('DELETE', fromProviderState('/api/v1/portfolios/${portfolioId}', `/api/v1/portfolios/${PORTFOLIO_ID}`), (b) => b.headers(BEARER).query({ force: 'true' }))
    .willRespondWith(404, (b) => b.headers(PROBLEM_TYPE).jsonBody(problem('not_found')))
    .executeTest(async (mock) => {
      t.like(await refused(t, signedIn(mock.url).deletePortfolio(PORTFOLIO_ID, { force: true })), { status: 404 });
    });
});

// ---- admin screen ----------------------------------------------------------------------------------

const OTHER_USER_ID = '6c2d3e4f-5a6b-4c7d-8e9f-1a2b3c4d5e6f';

test.serial('admin: deactivating a user answers with the user, now inactive (the screen names them)', async (t) => {
  await pact.addInteraction()
    .given('an admin is logged in and another user exists')
    .uponReceiving('an admin deactivating a user from the admin screen')
    .withRequest('POST', fromProviderState('/api/v1/auth/users/${userId}/deactivate', `/api/v1/auth/users/${OTHER_USER_ID}/deactivate`), (b) => b.headers(BEARER))
    .willRespondWith(200, (b) => b.headers(JSON_TYPE).jsonBody({ ...user, id: fromProviderState('${userId}', OTHER_USER_ID), email: string('someone@example.test'), active: false }))
    .executeTest(async (mock) => {
      const deactivated = await signedIn(mock.url).deactivateUser(OTHER_USER_ID);
      t.false(deactivated.active);
      t.is(deactivated.id, OTHER_USER_ID);
    });
});

test.serial('admin: deactivating an id that is no user is a 404 the screen shows', async (t) => {
  await pact.addInteraction()
    .given('an admin is logged in and another user exists')
    .uponReceiving('an admin deactivating an unknown user id from the admin screen')
    .withRequest('POST', `/api/v1/auth/users/${OTHER_USER_ID}/deactivate`, (b) => b.headers(BEARER))
    .willRespondWith(404, (b) => b.headers(PROBLEM_TYPE).jsonBody(problem('not_found')))
    .executeTest(async (mock) => {
      t.like(await refused(t, signedIn(mock.url).deactivateUser(OTHER_USER_ID)), { status: 404, code: 'not_found' });
    });
});

test.serial('admin: a user who is not an admin is refused (403), whatever the screen shows', async (t) => {
  await pact.addInteraction()
    .given('a user is logged in')
    .uponReceiving('a non-admin setting a price')
    .withRequest('PUT', '/api/v1/instruments/AAPL/price', (b) => b.headers(BEARER).jsonBody({ price: '200.00' }))
    .willRespondWith(403, (b) => b.headers(PROBLEM_TYPE).jsonBody(problem('admin_only')))
    .executeTest(async (mock) => {
      t.like(await refused(t, signedIn(mock.url).updatePrice('AAPL', '200.00')), { status: 403, code: 'admin_only' });
    });
});

test.serial('admin: setting a price answers with the instrument at its new price', async (t) => {
  await pact.addInteraction()
    .given('an admin is logged in')
    .uponReceiving('an admin setting a price from the admin screen')
    .withRequest('PUT', '/api/v1/instruments/AAPL/price', (b) => b.headers(BEARER).jsonBody({ price: '200.00' }))
    .willRespondWith(200, (b) => b.headers(JSON_TYPE).jsonBody({ symbol: 'AAPL', name: string('Apple Inc.'), assetClass: string('equity'), currency: string('USD'), lastPrice: '200.00' }))
    .executeTest(async (mock) => {
      t.is((await signedIn(mock.url).updatePrice('AAPL', '200.00')).lastPrice, '200.00');
    });
});

test.serial('admin: a price that is not positive is a field error on price', async (t) => {
  await pact.addInteraction()
    .given('an admin is logged in')
    .uponReceiving('an admin setting a zero price from the admin screen')
    .withRequest('PUT', '/api/v1/instruments/AAPL/price', (b) => b.headers(BEARER).jsonBody({ price: '0' }))
    .willRespondWith(422, (b) => b.headers(PROBLEM_TYPE).jsonBody(fieldProblem('validation_failed', 'price')))
    .executeTest(async (mock) => {
      const error = await refused(t, signedIn(mock.url).updatePrice('AAPL', '0'));
      t.is(error.status, 422);
      t.truthy((error as unknown as { fieldErrors: Record<string, string> }).fieldErrors.price);
    });
});
