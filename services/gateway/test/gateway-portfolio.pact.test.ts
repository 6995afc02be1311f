/**
 * Consumer contract: the gateway's PortfolioApiClient against the portfolio service's public API. Drives the
 * real typed client against the Pact mock server, one interaction per method and per error the gateway passes
 * on; writes contracts/gateway-portfolio.json. The gateway passes bodies through to the web app, so the
 * success shapes are the whole views (money "0.00" 2 dp, averageCost 4 dp, quantities up to 6 dp).
 */
import test from 'ava';
import { PortfolioApiClient } from '@ledgerline/portfolio-client';
import { consumerPact, Matchers, JSON_TYPE, BEARER, ISO, MONEY, PROBLEM_TYPE } from '@ledgerline/contract-kit';

const { eachLike, regex, uuid, string, fromProviderState, nullValue } = Matchers;
const pact = consumerPact('gateway', 'portfolio');

const PORTFOLIO_ID = '5d2a7c4e-9b1f-4e3a-8c6d-1f2e3a4b5c6d';
const QUANTITY = (example: string) => regex(/^\d+(\.\d{1,6})?$/, example);
const AVERAGE_COST = (example: string) => regex(/^\d+\.\d{4}$/, example);
const PRICE = (example: string) => regex(/^\d+\.\d{2,4}$/, example);
const PERCENT = (example: string) => regex(/^-?\d+\.\d{2}$/, example);
const ASSET_CLASS = regex(/^(equity|etf|bond|cash)$/, 'equity');
const problem = (code: string, status: number) => ({ code, title: string('Title'), status, detail: string('What went wrong.') });

const idFromState = fromProviderState('${portfolioId}', PORTFOLIO_ID);
const portfolioUrl = (suffix = '') => fromProviderState(`/portfolios/\${portfolioId}${suffix}`, `/portfolios/${PORTFOLIO_ID}${suffix}`);
const portfolioView = (overrides: Record<string, unknown> = {}) => ({
  id: idFromState,
  name: string('Core'),
  baseCurrency: regex(/^[A-Z]{3}$/, 'USD'),
  description: string('Long term'),
  cash: MONEY('1000.00'),
  createdAt: ISO('2026-03-02T15:30:00.000Z'),
  updatedAt: ISO('2026-03-02T15:30:00.000Z'),
  ...overrides,
});
const holdingView = (overrides: Record<string, unknown> = {}) => ({
  symbol: string('AAPL'),
  name: string('Apple Inc.'),
  assetClass: ASSET_CLASS,
  quantity: QUANTITY('10'),
  averageCost: AVERAGE_COST('100.0000'),
  costBasis: MONEY('1000.00'),
  lastPrice: PRICE('189.84'),
  marketValue: MONEY('1898.40'),
  unrealizedPnl: MONEY('898.40'),
  unrealizedPnlPercent: PERCENT('89.84'),
  realizedPnl: MONEY('0.00'),
  ...overrides,
});
const instrumentView = (overrides: Record<string, unknown> = {}) => ({
  symbol: string('AAPL'),
  name: string('Apple Inc.'),
  assetClass: ASSET_CLASS,
  currency: regex(/^[A-Z]{3}$/, 'USD'),
  lastPrice: PRICE('189.84'),
  priceUpdatedAt: ISO('2026-03-02T15:30:00.000Z'),
  ...overrides,
});

const owned = { name: 'Core', description: 'Long term', cash: '1000.00' };
const client = (url: string) => new PortfolioApiClient({ baseUrl: url });
const ctx = { accessToken: 'a.b.c' };

test.serial('list: the caller’s portfolios', async (t) => {
  await pact.addInteraction()
    .given('a user owns a portfolio', owned)
    .uponReceiving('a request for the caller’s portfolios')
    .withRequest('GET', '/portfolios', (b) => b.headers(BEARER))
    .willRespondWith(200, (b) => b.headers(JSON_TYPE).jsonBody({ items: eachLike(portfolioView()), nextCursor: nullValue() }))
    .executeTest(async (mock) => {
      const page = await client(mock.url).list(ctx);
      t.is(page.items[0].id, PORTFOLIO_ID);
    });
});

test.serial('create: a new portfolio is empty (201)', async (t) => {
  const body = { name: 'Retirement', baseCurrency: 'EUR', description: 'Long term' };
  await pact.addInteraction()
    .given('a user is signed in')
    .uponReceiving('a new portfolio')
    .withRequest('POST', '/portfolios', (b) => b.headers(BEARER).jsonBody(body))
    .willRespondWith(201, (b) => b.headers(JSON_TYPE).jsonBody(portfolioView({ id: uuid(PORTFOLIO_ID), name: 'Retirement', baseCurrency: 'EUR', cash: '0.00' })))
    .executeTest(async (mock) => {
      const created = await client(mock.url).create(body, ctx);
      t.like(created, { name: 'Retirement', baseCurrency: 'EUR', cash: '0.00' });
    });
});

test.serial('create: an unsupported currency is a 422 naming the field', async (t) => {
  const body = { name: 'Retirement', baseCurrency: 'XYZ' };
  await pact.addInteraction()
    .given('a user is signed in')
    .uponReceiving('a new portfolio in an unsupported currency')
    .withRequest('POST', '/portfolios', (b) => b.headers(BEARER).jsonBody(body))
    .willRespondWith(422, (b) => b.headers(PROBLEM_TYPE).jsonBody({ ...problem('validation_failed', 422), errors: [{ field: 'baseCurrency', code: string('invalid_value'), message: string('Base currency must be one of USD, EUR.') }] }))
    .executeTest(async (mock) => {
      const error = await t.throwsAsync(client(mock.url).create(body, ctx));
      t.like(error, { status: 422, code: 'validation_failed' });
      t.is((error as { errors?: Array<{ field: string }> }).errors?.[0].field, 'baseCurrency');
    });
});

test.serial('get: one of the caller’s portfolios', async (t) => {
  await pact.addInteraction()
    .given('a user owns a portfolio', owned)
    .uponReceiving('a request for one of the caller’s portfolios')
    .withRequest('GET', portfolioUrl(), (b) => b.headers(BEARER))
    .willRespondWith(200, (b) => b.headers(JSON_TYPE).jsonBody(portfolioView()))
    .executeTest(async (mock) => {
      t.is((await client(mock.url).get(PORTFOLIO_ID, ctx)).id, PORTFOLIO_ID);
    });
});

test.serial('get: another user’s portfolio is a 404', async (t) => {
  await pact.addInteraction()
    .given('another user owns a portfolio')
    .uponReceiving('a request for a portfolio of another user')
    .withRequest('GET', portfolioUrl(), (b) => b.headers(BEARER))
    .willRespondWith(404, (b) => b.headers(PROBLEM_TYPE).jsonBody(problem('not_found', 404)))
    .executeTest(async (mock) => {
      t.like(await t.throwsAsync(client(mock.url).get(PORTFOLIO_ID, ctx)), { status: 404, code: 'not_found' });
    });
});

test.serial('update: a portfolio is renamed', async (t) => {
  await pact.addInteraction()
    .given('a user owns a portfolio', owned)
    .uponReceiving('a rename of one of the caller’s portfolios')
    .withRequest('PATCH', portfolioUrl(), (b) => b.headers(BEARER).jsonBody({ name: 'Renamed' }))
    .willRespondWith(200, (b) => b.headers(JSON_TYPE).jsonBody(portfolioView({ name: 'Renamed' })))
    .executeTest(async (mock) => {
      t.is((await client(mock.url).update(PORTFOLIO_ID, { name: 'Renamed' }, ctx)).name, 'Renamed');
    });
});

test.serial('remove: an empty portfolio is deleted (204)', async (t) => {
  await pact.addInteraction()
    .given('a user owns a portfolio', { ...owned, cash: '0.00' })
    .uponReceiving('a delete of an empty portfolio')
    .withRequest('DELETE', portfolioUrl(), (b) => b.headers(BEARER))
    .willRespondWith(204)
    .executeTest(async (mock) => {
      await client(mock.url).remove(PORTFOLIO_ID, false, ctx);
      t.pass();
    });
});

test.serial('remove: a portfolio holding cash is a 409 without force', async (t) => {
  await pact.addInteraction()
    .given('a user owns a portfolio', owned)
    .uponReceiving('a delete of a portfolio that holds cash, without force')
    .withRequest('DELETE', portfolioUrl(), (b) => b.headers(BEARER))
    .willRespondWith(409, (b) => b.headers(PROBLEM_TYPE).jsonBody(problem('portfolio_not_empty', 409)))
    .executeTest(async (mock) => {
      t.like(await t.throwsAsync(client(mock.url).remove(PORTFOLIO_ID, false, ctx)), { status: 409, code: 'portfolio_not_empty' });
    });
});

test.serial('remove: with force a portfolio holding cash is deleted (204)', async (t) => {
  await pact.addInteraction()
    .given('a user owns a portfolio', owned)
    .uponReceiving('a forced delete of a portfolio that holds cash')
    .withRequest('DELETE', portfolioUrl(), (b) => b.headers(BEARER).query({ force: 'true' }))
    .willRespondWith(204)
    .executeTest(async (mock) => {
      await client(mock.url).remove(PORTFOLIO_ID, true, ctx);
      t.pass();
    });
});

test.serial('holdings: the open positions, valued', async (t) => {
  await pact.addInteraction()
    .given('a portfolio holds 10 of a symbol at an average cost', { symbol: 'AAPL', quantity: '10', averageCost: '100.00', cash: '250.00' })
    .uponReceiving('a request for the holdings of a portfolio with a position')
    .withRequest('GET', portfolioUrl('/holdings'), (b) => b.headers(BEARER))
    .willRespondWith(200, (b) => b.headers(JSON_TYPE).jsonBody({ items: eachLike(holdingView()) }))
    .executeTest(async (mock) => {
      const holdings = await client(mock.url).holdings(PORTFOLIO_ID, ctx);
      t.like(holdings.items[0], { symbol: 'AAPL', quantity: '10' });
    });
});

test.serial('openPosition: a position entered directly (201)', async (t) => {
  const body = { symbol: 'MSFT', quantity: '2', averageCost: '400.00' };
  await pact.addInteraction()
    .given('a user owns a portfolio', owned)
    .uponReceiving('an opening position in a symbol the portfolio does not hold')
    .withRequest('POST', portfolioUrl('/holdings'), (b) => b.headers(BEARER).jsonBody(body))
    // 2 × 400.00 = 800.00 cost basis; averageCost shown with 4 dp
    .willRespondWith(201, (b) => b.headers(JSON_TYPE).jsonBody(holdingView({ symbol: 'MSFT', name: string('Microsoft Corporation'), quantity: '2', averageCost: '400.0000', costBasis: '800.00', lastPrice: PRICE('415.26'), marketValue: MONEY('830.52'), unrealizedPnl: MONEY('30.52'), unrealizedPnlPercent: PERCENT('3.82') })))
    .executeTest(async (mock) => {
      t.like(await client(mock.url).openPosition(PORTFOLIO_ID, body, ctx), { symbol: 'MSFT', quantity: '2', averageCost: '400.0000' });
    });
});

test.serial('openPosition: an unknown symbol is a 422 naming the field', async (t) => {
  const body = { symbol: 'ZZZZ', quantity: '2', averageCost: '400.00' };
  await pact.addInteraction()
    .given('a user owns a portfolio', owned)
    .uponReceiving('an opening position in an unknown symbol')
    .withRequest('POST', portfolioUrl('/holdings'), (b) => b.headers(BEARER).jsonBody(body))
    .willRespondWith(422, (b) => b.headers(PROBLEM_TYPE).jsonBody({ ...problem('unknown_symbol', 422), errors: [{ field: 'symbol', code: 'unknown_symbol', message: string('Unknown symbol ZZZZ.') }] }))
    .executeTest(async (mock) => {
      const error = await t.throwsAsync(client(mock.url).openPosition(PORTFOLIO_ID, body, ctx));
      t.like(error, { status: 422, code: 'unknown_symbol' });
      t.is((error as { errors?: Array<{ field: string }> }).errors?.[0].field, 'symbol');
    });
});

test.serial('performance: figures and allocation of a portfolio with a position', async (t) => {
  await pact.addInteraction()
    .given('a portfolio holds 10 of a symbol at an average cost', { symbol: 'AAPL', quantity: '10', averageCost: '100.00', cash: '250.00' })
    .uponReceiving('a request for the performance of a portfolio with a position')
    .withRequest('GET', portfolioUrl('/performance'), (b) => b.headers(BEARER))
    .willRespondWith(200, (b) => b.headers(JSON_TYPE).jsonBody({
      portfolioId: idFromState,
      baseCurrency: regex(/^[A-Z]{3}$/, 'USD'),
      marketValue: MONEY('1898.40'),
      costBasis: '1000.00', // 10 × 100.00, from the state
      unrealizedPnl: MONEY('898.40'),
      unrealizedPnlPercent: PERCENT('89.84'),
      realizedPnl: MONEY('0.00'),
      cash: '250.00', // the state's cash: an opening position moves none
      totalValue: MONEY('2148.40'),
      allocation: {
        byAssetClass: eachLike({ assetClass: ASSET_CLASS, marketValue: MONEY('1898.40'), weight: PERCENT('100.00') }),
        byHolding: eachLike({ symbol: string('AAPL'), marketValue: MONEY('1898.40'), weight: PERCENT('100.00') }),
      },
    }))
    .executeTest(async (mock) => {
      const performance = await client(mock.url).performance(PORTFOLIO_ID, ctx);
      t.like(performance, { costBasis: '1000.00', cash: '250.00' });
      t.is(performance.allocation.byHolding[0].symbol, 'AAPL');
    });
});

test.serial('instruments: a search by name', async (t) => {
  await pact.addInteraction()
    .given('a user is signed in')
    .uponReceiving('an instrument search by name')
    .withRequest('GET', '/instruments', (b) => b.headers(BEARER).query({ q: 'Apple' }))
    .willRespondWith(200, (b) => b.headers(JSON_TYPE).jsonBody({ items: eachLike(instrumentView()) }))
    .executeTest(async (mock) => {
      t.is((await client(mock.url).instruments({ q: 'Apple' }, ctx)).items[0].symbol, 'AAPL');
    });
});

test.serial('instrument: one instrument by symbol', async (t) => {
  await pact.addInteraction()
    .given('a user is signed in')
    .uponReceiving('a request for an instrument')
    .withRequest('GET', '/instruments/AAPL', (b) => b.headers(BEARER))
    .willRespondWith(200, (b) => b.headers(JSON_TYPE).jsonBody(instrumentView({ symbol: 'AAPL' })))
    .executeTest(async (mock) => {
      t.is((await client(mock.url).instrument('AAPL', ctx)).symbol, 'AAPL');
    });
});

test.serial('instrument: an unknown symbol is a 404', async (t) => {
  await pact.addInteraction()
    .given('a user is signed in')
    .uponReceiving('a request for an unknown instrument')
    .withRequest('GET', '/instruments/ZZZZ', (b) => b.headers(BEARER))
    .willRespondWith(404, (b) => b.headers(PROBLEM_TYPE).jsonBody(problem('not_found', 404)))
    .executeTest(async (mock) => {
      t.like(await t.throwsAsync(client(mock.url).instrument('ZZZZ', ctx)), { status: 404, code: 'not_found' });
    });
});

test.serial('updatePrice: an admin sets a price', async (t) => {
  await pact.addInteraction()
    .given('an admin is signed in')
    .uponReceiving('an admin setting an instrument’s price')
    .withRequest('PUT', '/instruments/AAPL/price', (b) => b.headers(BEARER).jsonBody({ price: '200.00' }))
    .willRespondWith(200, (b) => b.headers(JSON_TYPE).jsonBody(instrumentView({ symbol: 'AAPL', lastPrice: '200.00' })))
    .executeTest(async (mock) => {
      t.is((await client(mock.url).updatePrice('AAPL', { price: '200.00' }, ctx)).lastPrice, '200.00');
    });
});

test.serial('updatePrice: a non-admin is refused with 403', async (t) => {
  await pact.addInteraction()
    .given('a user is signed in')
    .uponReceiving('a non-admin trying to set an instrument’s price')
    .withRequest('PUT', '/instruments/AAPL/price', (b) => b.headers(BEARER).jsonBody({ price: '200.00' }))
    .willRespondWith(403, (b) => b.headers(PROBLEM_TYPE).jsonBody(problem('admin_only', 403)))
    .executeTest(async (mock) => {
      t.like(await t.throwsAsync(client(mock.url).updatePrice('AAPL', { price: '200.00' }, ctx)), { status: 403, code: 'admin_only' });
    });
});

test.serial('no token: 401', async (t) => {
  await pact.addInteraction()
    .uponReceiving('a portfolio list request without a valid token')
    .withRequest('GET', '/portfolios', (b) => b.headers({ authorization: 'Bearer not-a-token' }))
    .willRespondWith(401, (b) => b.headers(PROBLEM_TYPE).jsonBody(problem('invalid_token', 401)))
    .executeTest(async (mock) => {
      t.like(await t.throwsAsync(client(mock.url).list({ accessToken: 'not-a-token' })), { status: 401, code: 'invalid_token' });
    });
});

// ---- the refusals and edge answers the gateway passes on to the web app, one per route ----------------------

const fieldProblem = (code: string, status: number, field: string) => ({ ...problem(code, status), errors: eachLike({ field, code: string('invalid'), message: string('What is wrong with it.') }) });
const foreign = 'another user owns a portfolio';

test.serial('list: a new user has no portfolios (an empty page)', async (t) => {
  await pact.addInteraction()
    .given('a user is signed in')
    .uponReceiving('a request for the portfolios of a user who has none')
    .withRequest('GET', '/portfolios', (b) => b.headers(BEARER))
    .willRespondWith(200, (b) => b.headers(JSON_TYPE).jsonBody({ items: [], nextCursor: nullValue() }))
    .executeTest(async (mock) => {
      t.deepEqual((await client(mock.url).list(ctx)).items, []);
    });
});

test.serial('update: a blank name is a 422 naming the field', async (t) => {
  await pact.addInteraction()
    .given('a user owns a portfolio', owned)
    .uponReceiving('a rename to a blank name')
    .withRequest('PATCH', portfolioUrl(), (b) => b.headers(BEARER).jsonBody({ name: ' ' }))
    .willRespondWith(422, (b) => b.headers(PROBLEM_TYPE).jsonBody(fieldProblem('validation_failed', 422, 'name')))
    .executeTest(async (mock) => {
      const error = await t.throwsAsync(client(mock.url).update(PORTFOLIO_ID, { name: ' ' }, ctx));
      t.is((error as { errors?: Array<{ field: string }> }).errors?.[0].field, 'name');
    });
});

test.serial('update: another user’s portfolio is a 404', async (t) => {
  await pact.addInteraction()
    .given(foreign)
    .uponReceiving('a rename of a portfolio of another user')
    .withRequest('PATCH', portfolioUrl(), (b) => b.headers(BEARER).jsonBody({ name: 'Mine now' }))
    .willRespondWith(404, (b) => b.headers(PROBLEM_TYPE).jsonBody(problem('not_found', 404)))
    .executeTest(async (mock) => {
      t.like(await t.throwsAsync(client(mock.url).update(PORTFOLIO_ID, { name: 'Mine now' }, ctx)), { status: 404, code: 'not_found' });
    });
});

test.serial('remove: another user’s portfolio is a 404, even with force', async (t) => {
  await pact.addInteraction()
    .given(foreign)
    .uponReceiving('a forced delete of a portfolio of another user')
    .withRequest('DELETE', portfolioUrl(), (b) => b.headers(BEARER).query({ force: 'true' }))
    .willRespondWith(404, (b) => b.headers(PROBLEM_TYPE).jsonBody(problem('not_found', 404)))
    .executeTest(async (mock) => {
      t.like(await t.throwsAsync(client(mock.url).remove(PORTFOLIO_ID, true, ctx)), { status: 404, code: 'not_found' });
    });
});

test.serial('holdings: a new portfolio has none', async (t) => {
  await pact.addInteraction()
    .given('a user owns a portfolio', owned)
    .uponReceiving('a request for the holdings of a portfolio without positions')
    .withRequest('GET', portfolioUrl('/holdings'), (b) => b.headers(BEARER))
    .willRespondWith(200, (b) => b.headers(JSON_TYPE).jsonBody({ items: [] }))
    .executeTest(async (mock) => {
      t.deepEqual((await client(mock.url).holdings(PORTFOLIO_ID, ctx)).items, []);
    });
});

test.serial('holdings: another user’s portfolio is a 404', async (t) => {
  await pact.addInteraction()
    .given(foreign)
    .uponReceiving('a request for the holdings of a portfolio of another user')
    .withRequest('GET', portfolioUrl('/holdings'), (b) => b.headers(BEARER))
    .willRespondWith(404, (b) => b.headers(PROBLEM_TYPE).jsonBody(problem('not_found', 404)))
    .executeTest(async (mock) => {
      t.like(await t.throwsAsync(client(mock.url).holdings(PORTFOLIO_ID, ctx)), { status: 404, code: 'not_found' });
    });
});

test.serial('performance: a portfolio with cash only has nothing allocated', async (t) => {
  await pact.addInteraction()
    .given('a user owns a portfolio', owned)
    .uponReceiving('a request for the performance of a portfolio with cash only')
    .withRequest('GET', portfolioUrl('/performance'), (b) => b.headers(BEARER))
    .willRespondWith(200, (b) => b.headers(JSON_TYPE).jsonBody({
      portfolioId: idFromState, baseCurrency: regex(/^[A-Z]{3}$/, 'USD'), marketValue: '0.00', costBasis: '0.00', unrealizedPnl: '0.00',
      unrealizedPnlPercent: PERCENT('0.00'), realizedPnl: '0.00', cash: '1000.00', totalValue: '1000.00', allocation: { byAssetClass: [], byHolding: [] },
    }))
    .executeTest(async (mock) => {
      t.like(await client(mock.url).performance(PORTFOLIO_ID, ctx), { totalValue: '1000.00', allocation: { byAssetClass: [], byHolding: [] } });
    });
});

test.serial('performance: another user’s portfolio is a 404', async (t) => {
  await pact.addInteraction()
    .given(foreign)
    .uponReceiving('a request for the performance of a portfolio of another user')
    .withRequest('GET', portfolioUrl('/performance'), (b) => b.headers(BEARER))
    .willRespondWith(404, (b) => b.headers(PROBLEM_TYPE).jsonBody(problem('not_found', 404)))
    .executeTest(async (mock) => {
      t.like(await t.throwsAsync(client(mock.url).performance(PORTFOLIO_ID, ctx)), { status: 404, code: 'not_found' });
    });
});

test.serial('openPosition: a symbol already held is a 409 naming the field (record a buy instead)', async (t) => {
  const body = { symbol: 'AAPL', quantity: '2', averageCost: '400.00' };
  await pact.addInteraction()
    .given('a portfolio holds 10 of a symbol at an average cost', { symbol: 'AAPL', quantity: '10', averageCost: '100.00', cash: '250.00' })
    .uponReceiving('an opening position in a symbol the portfolio already holds')
    .withRequest('POST', portfolioUrl('/holdings'), (b) => b.headers(BEARER).jsonBody(body))
    .willRespondWith(409, (b) => b.headers(PROBLEM_TYPE).jsonBody(fieldProblem('holding_exists', 409, 'symbol')))
    .executeTest(async (mock) => {
      t.like(await t.throwsAsync(client(mock.url).openPosition(PORTFOLIO_ID, body, ctx)), { status: 409, code: 'holding_exists' });
    });
});

test.serial('openPosition: into another user’s portfolio is a 404', async (t) => {
  const body = { symbol: 'AAPL', quantity: '2', averageCost: '400.00' };
  await pact.addInteraction()
    .given(foreign)
    .uponReceiving('an opening position in a portfolio of another user')
    .withRequest('POST', portfolioUrl('/holdings'), (b) => b.headers(BEARER).jsonBody(body))
    .willRespondWith(404, (b) => b.headers(PROBLEM_TYPE).jsonBody(problem('not_found', 404)))
    .executeTest(async (mock) => {
      t.like(await t.throwsAsync(client(mock.url).openPosition(PORTFOLIO_ID, body, ctx)), { status: 404, code: 'not_found' });
    });
});

test.serial('instruments: an unknown asset class is a 422 naming the field', async (t) => {
  await pact.addInteraction()
    .given('a user is signed in')
    .uponReceiving('an instrument search in an unknown asset class')
    .withRequest('GET', '/instruments', (b) => b.headers(BEARER).query({ assetClass: 'crypto' }))
    .willRespondWith(422, (b) => b.headers(PROBLEM_TYPE).jsonBody(fieldProblem('validation_failed', 422, 'assetClass')))
    .executeTest(async (mock) => {
      const error = await t.throwsAsync(client(mock.url).instruments({ assetClass: 'crypto' }, ctx));
      t.is((error as { errors?: Array<{ field: string }> }).errors?.[0].field, 'assetClass');
    });
});

test.serial('updatePrice: an unknown symbol is a 404', async (t) => {
  await pact.addInteraction()
    .given('an admin is signed in')
    .uponReceiving('an admin setting the price of an unknown instrument')
    .withRequest('PUT', '/instruments/ZZZZ/price', (b) => b.headers(BEARER).jsonBody({ price: '200.00' }))
    .willRespondWith(404, (b) => b.headers(PROBLEM_TYPE).jsonBody({ ...problem('not_found', 404), code: string('not_found') }))
    .executeTest(async (mock) => {
      t.like(await t.throwsAsync(client(mock.url).updatePrice('ZZZZ', { price: '200.00' }, ctx)), { status: 404 });
    });
});

test.serial('updatePrice: a price that is not positive is a 422 naming the field', async (t) => {
  await pact.addInteraction()
    .given('an admin is signed in')
    .uponReceiving('an admin setting a zero price')
    .withRequest('PUT', '/instruments/AAPL/price', (b) => b.headers(BEARER).jsonBody({ price: '0' }))
    .willRespondWith(422, (b) => b.headers(PROBLEM_TYPE).jsonBody(fieldProblem('validation_failed', 422, 'price')))
    .executeTest(async (mock) => {
      const error = await t.throwsAsync(client(mock.url).updatePrice('AAPL', { price: '0' }, ctx));
      t.is((error as { errors?: Array<{ field: string }> }).errors?.[0].field, 'price');
    });
});
