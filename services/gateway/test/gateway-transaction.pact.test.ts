/**
 * Consumer contract: the gateway's TransactionClient against the transaction service.
 * Writes contracts/gateway-transaction.json.
 */
import test from 'ava';
import { TransactionClient } from '@ledgerline/transaction-client';
import { consumerPact, Matchers, JSON_TYPE, BEARER, ISO, DECIMAL, PROBLEM_TYPE } from '@ledgerline/contract-kit';

const { like, eachLike, regex, integer, string, fromProviderState, nullValue } = Matchers;
const pact = consumerPact('gateway', 'transaction');

const PORTFOLIO_ID = '3f1c2d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f';
const TX_ID = '0b5d8a3e-1c2f-8d4e-9a6b-7c8d9e0f1a2b';
const problem = (code: string) => ({ code, title: string('Title'), status: integer(409), detail: string('What went wrong.') });

const buy = { portfolioId: PORTFOLIO_ID, type: 'buy', symbol: 'AAPL', quantity: '10', price: '100.00', fees: '1.00', executedAt: '2026-03-02T15:30:00.000Z' };
const recorded = (portfolioId: unknown) => ({
  id: string(TX_ID),
  portfolioId,
  type: 'buy',
  symbol: 'AAPL',
  quantity: DECIMAL('10'),
  price: DECIMAL('100.00'),
  amount: nullValue(),
  fees: DECIMAL('1.00'),
  executedAt: ISO('2026-03-02T15:30:00.000Z'),
  createdAt: ISO('2026-03-02T15:30:01.000Z'),
  status: 'completed',
  rejection: nullValue(),
  result: like({ cash: DECIMAL('8999.00'), holding: like({ symbol: 'AAPL', quantity: DECIMAL('10'), averageCost: DECIMAL('100.1000'), realizedPnl: DECIMAL('0.00') }), realizedPnl: nullValue() }),
});
const portfolioFromState = fromProviderState('${portfolioId}', PORTFOLIO_ID);

test.serial('record: a buy is recorded (201) with the resulting position', async (t) => {
  await pact.addInteraction()
    .given('a user owns a portfolio with cash', { cash: '10000.00' })
    .uponReceiving('a buy with a new idempotency key')
    .withRequest('POST', '/transactions', (b) => b.headers({ ...BEARER, 'idempotency-key': 'key-1' }).jsonBody({ ...buy, portfolioId: portfolioFromState }))
    .willRespondWith(201, (b) => b.headers(JSON_TYPE).jsonBody(recorded(portfolioFromState)))
    .executeTest(async (mock) => {
      const { transaction, replayed } = await new TransactionClient({ baseUrl: mock.url }).record(buy, 'key-1', { accessToken: 'a.b.c' });
      t.false(replayed);
      t.is(transaction.symbol, 'AAPL');
    });
});

test.serial('record: the same key and body again is a replay (200)', async (t) => {
  await pact.addInteraction()
    .given('a user has recorded a buy with an idempotency key', { key: 'key-1' })
    .uponReceiving('the same buy again with the same idempotency key')
    .withRequest('POST', '/transactions', (b) => b.headers({ ...BEARER, 'idempotency-key': 'key-1' }).jsonBody({ ...buy, portfolioId: portfolioFromState }))
    .willRespondWith(200, (b) => b.headers({ ...JSON_TYPE, 'Idempotent-Replayed': 'true' }).jsonBody(recorded(portfolioFromState)))
    .executeTest(async (mock) => {
      t.true((await new TransactionClient({ baseUrl: mock.url }).record(buy, 'key-1', { accessToken: 'a.b.c' })).replayed);
    });
});

test.serial('record: a sell of more than is held is refused with the reason', async (t) => {
  const sell = { ...buy, type: 'sell', quantity: '50' };
  await pact.addInteraction()
    .given('a user owns a portfolio that cannot cover the trade')
    .uponReceiving('a sell of more than the portfolio holds')
    .withRequest('POST', '/transactions', (b) => b.headers({ ...BEARER, 'idempotency-key': 'key-2' }).jsonBody({ ...sell, portfolioId: portfolioFromState }))
    .willRespondWith(409, (b) => b.headers(PROBLEM_TYPE).jsonBody({ ...problem('insufficient_quantity'), errors: eachLike({ field: 'quantity', code: 'insufficient_quantity', message: string('More than the portfolio holds.') }) }))
    .executeTest(async (mock) => {
      const error = await t.throwsAsync(new TransactionClient({ baseUrl: mock.url }).record(sell, 'key-2', { accessToken: 'a.b.c' }));
      t.like(error, { status: 409, code: 'insufficient_quantity' });
    });
});

test.serial('record: invalid input is a 422 naming the field', async (t) => {
  const bad = { portfolioId: PORTFOLIO_ID, type: 'deposit', amount: '-5' };
  await pact.addInteraction()
    .given('a user owns a portfolio with cash', { cash: '0.00' })
    .uponReceiving('a deposit with a negative amount')
    .withRequest('POST', '/transactions', (b) => b.headers({ ...BEARER, 'idempotency-key': 'key-3' }).jsonBody({ ...bad, portfolioId: portfolioFromState }))
    .willRespondWith(422, (b) => b.headers(PROBLEM_TYPE).jsonBody({ ...problem('validation_failed'), errors: eachLike({ field: 'amount', code: string('must_be_positive'), message: string('Must be greater than 0.') }) }))
    .executeTest(async (mock) => {
      t.like(await t.throwsAsync(new TransactionClient({ baseUrl: mock.url }).record(bad, 'key-3', { accessToken: 'a.b.c' })), { status: 422, code: 'validation_failed' });
    });
});

test.serial('record: while the portfolio service is down the deposit is stored pending, answered 202', async (t) => {
  await pact.addInteraction()
    .given('the portfolio service is down for a user with a portfolio')
    .uponReceiving('a deposit while the portfolio service is down')
    .withRequest('POST', '/transactions', (b) => b.headers({ ...BEARER, 'idempotency-key': 'key-4' }).jsonBody({ portfolioId: portfolioFromState, type: 'deposit', amount: '100.00' }))
    .willRespondWith(202, (b) => b.headers({ ...JSON_TYPE, Location: regex(/^\/transactions\/\S+$/, `/transactions/${TX_ID}`) }).jsonBody({
      id: string(TX_ID),
      portfolioId: portfolioFromState,
      type: 'deposit',
      symbol: nullValue(),
      quantity: nullValue(),
      price: nullValue(),
      amount: DECIMAL('100.00'),
      fees: DECIMAL('0.00'),
      executedAt: ISO('2026-03-02T15:30:00.000Z'),
      createdAt: ISO('2026-03-02T15:30:01.000Z'),
      status: 'pending',
      result: nullValue(),
      rejection: nullValue(),
    }))
    .executeTest(async (mock) => {
      const recorded = await new TransactionClient({ baseUrl: mock.url }).record({ portfolioId: PORTFOLIO_ID, type: 'deposit', amount: '100.00' }, 'key-4', { accessToken: 'a.b.c' });
      t.like(recorded, { pending: true, replayed: false, transaction: { status: 'pending', result: null } });
    });
});

test.serial('list: history filtered by portfolio and type, one page with a cursor', async (t) => {
  await pact.addInteraction()
    .given('a user has recorded three buys in a portfolio')
    .uponReceiving('a history request filtered by portfolio and type, two per page')
    .withRequest('GET', '/transactions', (b) => b.headers(BEARER).query({ portfolioId: portfolioFromState, type: 'buy', limit: '2' }))
    .willRespondWith(200, (b) => b.headers(JSON_TYPE).jsonBody({ items: eachLike(recorded(portfolioFromState), 2), nextCursor: string('eyJ0IjoxfQ') }))
    .executeTest(async (mock) => {
      const page = await new TransactionClient({ baseUrl: mock.url }).list({ portfolioId: PORTFOLIO_ID, type: 'buy', limit: 2 }, { accessToken: 'a.b.c' });
      t.is(page.items.length, 2);
      t.truthy(page.nextCursor);
    });
});

test.serial('list: a bad filter is a 422 naming it', async (t) => {
  await pact.addInteraction()
    .given('a user owns a portfolio with cash', { cash: '0.00' })
    .uponReceiving('a history request with an unknown type')
    .withRequest('GET', '/transactions', (b) => b.headers(BEARER).query({ type: 'gift' }))
    .willRespondWith(422, (b) => b.headers(PROBLEM_TYPE).jsonBody({ ...problem('validation_failed'), errors: eachLike({ field: 'type', code: string('invalid_value'), message: string('Unknown type.') }) }))
    .executeTest(async (mock) => {
      t.like(await t.throwsAsync(new TransactionClient({ baseUrl: mock.url }).list({ type: 'gift' }, { accessToken: 'a.b.c' })), { status: 422 });
    });
});

test.serial('get: one transaction of the caller', async (t) => {
  await pact.addInteraction()
    .given('a user has recorded a buy with an idempotency key', { key: 'key-1' })
    .uponReceiving('a request for one of the caller’s transactions')
    .withRequest('GET', fromProviderState('/transactions/${transactionId}', `/transactions/${TX_ID}`), (b) => b.headers(BEARER))
    .willRespondWith(200, (b) => b.headers(JSON_TYPE).jsonBody(recorded(portfolioFromState)))
    .executeTest(async (mock) => {
      t.is((await new TransactionClient({ baseUrl: mock.url }).get(TX_ID, { accessToken: 'a.b.c' })).id, TX_ID);
    });
});

test.serial('get: another user’s transaction is a 404', async (t) => {
  await pact.addInteraction()
    .given('another user has recorded a buy')
    .uponReceiving('a request for a transaction of another user')
    .withRequest('GET', fromProviderState('/transactions/${transactionId}', `/transactions/${TX_ID}`), (b) => b.headers(BEARER))
    .willRespondWith(404, (b) => b.headers(PROBLEM_TYPE).jsonBody(problem('not_found')))
    .executeTest(async (mock) => {
      t.like(await t.throwsAsync(new TransactionClient({ baseUrl: mock.url }).get(TX_ID, { accessToken: 'a.b.c' })), { status: 404, code: 'not_found' });
    });
});

test.serial('no token: 401', async (t) => {
  await pact.addInteraction()
    .uponReceiving('a history request without a valid token')
    .withRequest('GET', '/transactions', (b) => b.headers({ authorization: 'Bearer not-a-token' }))
    .willRespondWith(401, (b) => b.headers(PROBLEM_TYPE).jsonBody(problem('invalid_token')))
    .executeTest(async (mock) => {
      t.like(await t.throwsAsync(new TransactionClient({ baseUrl: mock.url }).list({}, { accessToken: 'not-a-token' })), { status: 401 });
    });
});


// ---- the other answers the gateway passes on to the web app ---------------------------------------------------

const client = (url: string) => new TransactionClient({ baseUrl: url });
const ctx = { accessToken: 'a.b.c' };
const record = (type: string, fields: Record<string, unknown>) => ({ id: string(TX_ID), portfolioId: portfolioFromState, type, executedAt: ISO('2026-03-02T15:30:00.000Z'), createdAt: ISO('2026-03-02T15:30:01.000Z'), ...fields });

test.serial('record: a deposit is recorded (201) with the new cash and no position', async (t) => {
  const deposit = { portfolioId: PORTFOLIO_ID, type: 'deposit', amount: '500.00' };
  await pact.addInteraction()
    .given('a user owns a portfolio with cash', { cash: '0.00' })
    .uponReceiving('a deposit with a new idempotency key')
    .withRequest('POST', '/transactions', (b) => b.headers({ ...BEARER, 'idempotency-key': 'key-5' }).jsonBody({ ...deposit, portfolioId: portfolioFromState }))
    .willRespondWith(201, (b) => b.headers(JSON_TYPE).jsonBody(record('deposit', {
      symbol: nullValue(), quantity: nullValue(), price: nullValue(), amount: DECIMAL('500.00'), fees: DECIMAL('0.00'), status: 'completed', rejection: nullValue(),
      result: { cash: '500.00', holding: nullValue(), realizedPnl: nullValue() },
    })))
    .executeTest(async (mock) => {
      t.like((await client(mock.url).record(deposit, 'key-5', ctx)).transaction, { status: 'completed', result: { cash: '500.00', holding: null } });
    });
});

test.serial('record: a withdrawal of more than the cash is a 409 insufficient_cash', async (t) => {
  const withdrawal = { portfolioId: PORTFOLIO_ID, type: 'withdrawal', amount: '500.00' };
  await pact.addInteraction()
    .given('a user owns a portfolio with cash', { cash: '100.00' })
    .uponReceiving('a withdrawal of more than the portfolio’s cash')
    .withRequest('POST', '/transactions', (b) => b.headers({ ...BEARER, 'idempotency-key': 'key-6' }).jsonBody({ ...withdrawal, portfolioId: portfolioFromState }))
    .willRespondWith(409, (b) => b.headers(PROBLEM_TYPE).jsonBody(problem('insufficient_cash')))
    .executeTest(async (mock) => {
      t.like(await t.throwsAsync(client(mock.url).record(withdrawal, 'key-6', ctx)), { status: 409, code: 'insufficient_cash' });
    });
});

test.serial('record: a buy of a symbol that is not an instrument is a 422 unknown_symbol naming the field', async (t) => {
  const unknown = { ...buy, symbol: 'ZZZZ' };
  await pact.addInteraction()
    .given('a user owns a portfolio with cash', { cash: '10000.00' })
    .uponReceiving('a buy of an unknown symbol')
    .withRequest('POST', '/transactions', (b) => b.headers({ ...BEARER, 'idempotency-key': 'key-7' }).jsonBody({ ...unknown, portfolioId: portfolioFromState }))
    .willRespondWith(422, (b) => b.headers(PROBLEM_TYPE).jsonBody({ ...problem('unknown_symbol'), errors: [{ field: 'symbol', code: 'unknown_symbol', message: string('Unknown symbol ZZZZ.') }] }))
    .executeTest(async (mock) => {
      t.like(await t.throwsAsync(client(mock.url).record(unknown, 'key-7', ctx)), { status: 422, code: 'unknown_symbol' });
    });
});

test.serial('record: into another user’s portfolio is a 404', async (t) => {
  const deposit = { portfolioId: PORTFOLIO_ID, type: 'deposit', amount: '500.00' };
  await pact.addInteraction()
    .given('another user owns a portfolio')
    .uponReceiving('a deposit into a portfolio of another user')
    .withRequest('POST', '/transactions', (b) => b.headers({ ...BEARER, 'idempotency-key': 'key-8' }).jsonBody({ ...deposit, portfolioId: portfolioFromState }))
    .willRespondWith(404, (b) => b.headers(PROBLEM_TYPE).jsonBody(problem('not_found')))
    .executeTest(async (mock) => {
      t.like(await t.throwsAsync(client(mock.url).record(deposit, 'key-8', ctx)), { status: 404, code: 'not_found' });
    });
});

test.serial('record: the same key with a different body is a 422 idempotency_key_reused', async (t) => {
  const different = { ...buy, quantity: '11' };
  await pact.addInteraction()
    .given('a user has recorded a buy with an idempotency key', { key: 'key-1' })
    .uponReceiving('a different buy with an idempotency key already used')
    .withRequest('POST', '/transactions', (b) => b.headers({ ...BEARER, 'idempotency-key': 'key-1' }).jsonBody({ ...different, portfolioId: portfolioFromState }))
    .willRespondWith(422, (b) => b.headers(PROBLEM_TYPE).jsonBody(problem('idempotency_key_reused')))
    .executeTest(async (mock) => {
      t.like(await t.throwsAsync(client(mock.url).record(different, 'key-1', ctx)), { status: 422, code: 'idempotency_key_reused' });
    });
});

test.serial('get: a transaction recorded while the portfolio service was down is pending, without a result', async (t) => {
  await pact.addInteraction()
    .given('a user has a deposit pending because the portfolio service was down')
    .uponReceiving('a request for a pending transaction')
    .withRequest('GET', fromProviderState('/transactions/${transactionId}', `/transactions/${TX_ID}`), (b) => b.headers(BEARER))
    .willRespondWith(200, (b) => b.headers(JSON_TYPE).jsonBody(record('deposit', {
      id: fromProviderState('${transactionId}', TX_ID), symbol: nullValue(), quantity: nullValue(), price: nullValue(), amount: DECIMAL('100.00'), fees: DECIMAL('0.00'),
      status: 'pending', rejection: nullValue(), result: nullValue(),
    })))
    .executeTest(async (mock) => {
      t.like(await client(mock.url).get(TX_ID, ctx), { status: 'pending', result: null });
    });
});

test.serial('list: a portfolio without transactions is an empty last page', async (t) => {
  await pact.addInteraction()
    .given('a user owns a portfolio with cash', { cash: '0.00' })
    .uponReceiving('a history request for a portfolio without transactions')
    .withRequest('GET', '/transactions', (b) => b.headers(BEARER).query({ portfolioId: portfolioFromState }))
    .willRespondWith(200, (b) => b.headers(JSON_TYPE).jsonBody({ items: [], nextCursor: nullValue() }))
    .executeTest(async (mock) => {
      t.deepEqual(await client(mock.url).list({ portfolioId: PORTFOLIO_ID }, ctx), { items: [], nextCursor: null });
    });
});

test.serial('list: the cursor of a page gets the next one; the last page has no cursor', async (t) => {
  await pact.addInteraction()
    .given('a user has recorded three buys in a portfolio and read the first two')
    .uponReceiving('a history request for the page after a cursor')
    .withRequest('GET', '/transactions', (b) => b.headers(BEARER).query({ portfolioId: portfolioFromState, type: 'buy', limit: '2', cursor: fromProviderState('${cursor}', 'eyJ0IjoxfQ') }))
    .willRespondWith(200, (b) => b.headers(JSON_TYPE).jsonBody({ items: [{ ...recorded(portfolioFromState), executedAt: '2026-03-01T10:00:00.000Z' }], nextCursor: nullValue() }))
    .executeTest(async (mock) => {
      const page = await client(mock.url).list({ portfolioId: PORTFOLIO_ID, type: 'buy', limit: 2, cursor: 'eyJ0IjoxfQ' }, ctx);
      t.is(page.items.length, 1);
      t.is(page.nextCursor, null);
    });
});
