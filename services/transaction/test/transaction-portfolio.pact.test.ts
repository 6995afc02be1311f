/**
 * Consumer contract: the transaction service's HttpPortfolioClient against the portfolio service's internal
 * trade API (POST /internal/portfolios/:portfolioId/trades, POST /internal/trade-batches, GET
 * /internal/trades/:transactionId). Drives the real client against the Pact mock server; writes
 * contracts/transaction-portfolio.json. The Authorization header (and each batch trade's `onBehalfOf`) is the
 * transaction service's on-behalf-of token for the state's user (the provider signs a fresh one per request); an
 * end user's own access token is refused.
 *
 * The cross-entity effect (a trade recorded here changes a holding the portfolio service owns) is proved in
 * two steps, both inside the portfolio provider's verification run (services/portfolio/test/provider.pact.test.ts):
 * 1. "apply a buy of 5 at 130.00" on a portfolio that holds 10 at 100.00 expects LITERAL values, not type
 *    matchers, for holding.quantity "15", holding.averageCost "110.0000" and cash "350.00": the provider only
 *    passes if it read the state's holding from its database and did the maths.
 *    Hand-check: (10 × 100.00 + 5 × 130.00) / 15 = 1650 / 15 = 110; cash 1000.00 − 5 × 130.00 = 350.00.
 * 2. The response alone is computed before the database transaction commits, so the provider test reads the
 *    holding and the cash back through the portfolio service's own repositories in an AVA afterEach hook right
 *    after this interaction is verified (before the next interaction resets the database): it must find
 *    quantity "15", averageCost "110" (stored with up to 10 dp) and cash "350.00".
 */
import test from 'ava';
import { HttpPortfolioClient, type ApplyTradeRequest } from '@ledgerline/portfolio-client';
import { consumerPact, Matchers, JSON_TYPE, MONEY, PROBLEM_TYPE } from '@ledgerline/contract-kit';

const { regex, string, fromProviderState } = Matchers;
const pact = consumerPact('transaction', 'portfolio');

const HEADERS = { authorization: regex(/^Bearer \S+$/, 'Bearer a.b.c'), 'x-request-id': regex(/^\S+$/, 'req-1') };
const PORTFOLIO_ID = '7e3b9d1a-2c4f-4a6b-9d8e-3f1a2b4c5d6e';
const TX_ID = '1c9e7a52-3b4d-4f6a-8e2c-5d7b9a1c3e4f';
const QUANTITY = (example: string) => regex(/^\d+(\.\d{1,6})?$/, example);
const AVERAGE_COST = (example: string) => regex(/^\d+\.\d{4}$/, example);
const problem = (code: string, status: number) => ({ code, title: string('Title'), status, detail: string('What went wrong.') });

const portfolioFromState = fromProviderState('${portfolioId}', PORTFOLIO_ID);
const tradesPath = fromProviderState('/internal/portfolios/${portfolioId}/trades', `/internal/portfolios/${PORTFOLIO_ID}/trades`);
const NEVER_APPLIED = '5e6f7a8b-9c0d-8e1f-a2b3-c4d5e6f7a8b9';
const executedAt = '2026-03-02T15:30:00.000Z';
const call = { accessToken: 'a.b.c', requestId: 'req-1' };
const client = (url: string) => new HttpPortfolioClient({ baseUrl: url });

/** The request as the client is given it, and the body it sends (the portfolio id travels in the path). */
function trade(fields: Omit<ApplyTradeRequest, 'transactionId' | 'portfolioId' | 'executedAt'>) {
  const request: ApplyTradeRequest = { transactionId: TX_ID, portfolioId: PORTFOLIO_ID, executedAt, ...fields };
  const { portfolioId: _portfolioId, ...body } = request;
  return { request, body };
}
const result = (fields: Record<string, unknown>) => ({ transactionId: TX_ID, portfolioId: portfolioFromState, ...fields });
const holding = (fields: Record<string, unknown> = {}) => ({ symbol: 'AAPL', quantity: QUANTITY('10'), averageCost: AVERAGE_COST('100.1000'), realizedPnl: MONEY('0.00'), ...fields });
const holds10 = { symbol: 'AAPL', quantity: '10', averageCost: '100.00', cash: '1000.00' };

test.serial('deposit: applied, cash goes up', async (t) => {
  const { request, body } = trade({ type: 'deposit', amount: '500.00' });
  await pact.addInteraction()
    .given('a user owns a portfolio', { name: 'Core', description: 'Long term', cash: '0.00' })
    .uponReceiving('apply a deposit of 500.00')
    .withRequest('POST', tradesPath, (b) => b.headers(HEADERS).jsonBody(body))
    // 0.00 + 500.00 = 500.00
    .willRespondWith(200, (b) => b.headers(JSON_TYPE).jsonBody(result({ applied: true, cash: '500.00', holding: null, realizedPnl: null })))
    .executeTest(async (mock) => {
      t.like(await client(mock.url).applyTrade(request, call), { applied: true, cash: '500.00', holding: null });
    });
});

test.serial('buy: applied, with the resulting holding', async (t) => {
  const { request, body } = trade({ type: 'buy', symbol: 'AAPL', quantity: '10', price: '100.00', fees: '1.00' });
  await pact.addInteraction()
    .given('a user owns a portfolio', { name: 'Core', description: 'Long term', cash: '10000.00' })
    .uponReceiving('apply a buy of 10 at 100.00 with 1.00 fees')
    .withRequest('POST', tradesPath, (b) => b.headers(HEADERS).jsonBody(body))
    // cash 10000.00 − (10 × 100.00 + 1.00) = 8999.00; averageCost (1000.00 + 1.00) / 10 = 100.1000
    .willRespondWith(200, (b) => b.headers(JSON_TYPE).jsonBody(result({ applied: true, cash: MONEY('8999.00'), holding: holding(), realizedPnl: null })))
    .executeTest(async (mock) => {
      const applied = await client(mock.url).applyTrade(request, call);
      t.true(applied.applied);
      t.is(applied.holding?.symbol, 'AAPL');
    });
});

test.serial('sell: applied, with its realised P/L', async (t) => {
  const { request, body } = trade({ type: 'sell', symbol: 'AAPL', quantity: '4', price: '120.00', fees: '1.00' });
  await pact.addInteraction()
    .given('a portfolio holds 10 of a symbol at an average cost', holds10)
    .uponReceiving('apply a sell of 4 at 120.00 with 1.00 fees')
    .withRequest('POST', tradesPath, (b) => b.headers(HEADERS).jsonBody(body))
    // realised (120.00 − 100.00) × 4 − 1.00 = 79.00; cash 1000.00 + 480.00 − 1.00 = 1479.00; 6 left at 100.0000
    .willRespondWith(200, (b) => b.headers(JSON_TYPE).jsonBody(result({
      applied: true,
      cash: MONEY('1479.00'),
      holding: holding({ quantity: QUANTITY('6'), averageCost: AVERAGE_COST('100.0000'), realizedPnl: MONEY('79.00') }),
      realizedPnl: MONEY('79.00'),
    })))
    .executeTest(async (mock) => {
      t.is((await client(mock.url).applyTrade(request, call)).realizedPnl, '79.00');
    });
});

test.serial('buy onto a held position: the new average cost (cross-entity)', async (t) => {
  const { request, body } = trade({ type: 'buy', symbol: 'AAPL', quantity: '5', price: '130.00' });
  await pact.addInteraction()
    .given('a portfolio holds 10 of a symbol at an average cost', holds10)
    .uponReceiving('apply a buy of 5 at 130.00')
    .withRequest('POST', tradesPath, (b) => b.headers(HEADERS).jsonBody(body))
    // literal on purpose (see the header): (10 × 100.00 + 5 × 130.00) / 15 = 110.0000; cash 1000.00 − 650.00 = 350.00
    .willRespondWith(200, (b) => b.headers(JSON_TYPE).jsonBody(result({
      applied: true,
      cash: '350.00',
      holding: holding({ quantity: '15', averageCost: '110.0000' }),
      realizedPnl: null,
    })))
    .executeTest(async (mock) => {
      t.like((await client(mock.url).applyTrade(request, call)).holding, { quantity: '15', averageCost: '110.0000' });
    });
});

test.serial('replay: the same transactionId again changes nothing (applied false)', async (t) => {
  const { request, body } = trade({ type: 'deposit', amount: '500.00' });
  await pact.addInteraction()
    .given('a deposit has been applied to a user’s portfolio', { transactionId: TX_ID, amount: '500.00' })
    .uponReceiving('apply a deposit whose transactionId was applied before')
    .withRequest('POST', tradesPath, (b) => b.headers(HEADERS).jsonBody(body))
    // the stored result: 0.00 + 500.00 = 500.00 once, not 1000.00
    .willRespondWith(200, (b) => b.headers(JSON_TYPE).jsonBody(result({ applied: false, cash: '500.00', holding: null, realizedPnl: null })))
    .executeTest(async (mock) => {
      t.like(await client(mock.url).applyTrade(request, call), { applied: false, cash: '500.00' });
    });
});

test.serial('sell of more than is held: 409 insufficient_quantity', async (t) => {
  const { request, body } = trade({ type: 'sell', symbol: 'AAPL', quantity: '50', price: '120.00' });
  await pact.addInteraction()
    .given('a portfolio holds 10 of a symbol at an average cost', holds10)
    .uponReceiving('apply a sell of 50 when 10 are held')
    .withRequest('POST', tradesPath, (b) => b.headers(HEADERS).jsonBody(body))
    .willRespondWith(409, (b) => b.headers(PROBLEM_TYPE).jsonBody(problem('insufficient_quantity', 409)))
    .executeTest(async (mock) => {
      t.like(await t.throwsAsync(client(mock.url).applyTrade(request, call)), { status: 409, code: 'insufficient_quantity' });
    });
});

test.serial('buy without the cash: 409 insufficient_cash', async (t) => {
  const { request, body } = trade({ type: 'buy', symbol: 'AAPL', quantity: '10', price: '100.00' });
  await pact.addInteraction()
    .given('a user owns a portfolio', { name: 'Core', description: 'Long term', cash: '100.00' })
    .uponReceiving('apply a buy of 10 at 100.00 with 100.00 cash')
    .withRequest('POST', tradesPath, (b) => b.headers(HEADERS).jsonBody(body))
    .willRespondWith(409, (b) => b.headers(PROBLEM_TYPE).jsonBody(problem('insufficient_cash', 409)))
    .executeTest(async (mock) => {
      t.like(await t.throwsAsync(client(mock.url).applyTrade(request, call)), { status: 409, code: 'insufficient_cash' });
    });
});

test.serial('unknown symbol: 422 naming the field', async (t) => {
  const { request, body } = trade({ type: 'buy', symbol: 'ZZZZ', quantity: '1', price: '10.00' });
  await pact.addInteraction()
    .given('a user owns a portfolio', { name: 'Core', description: 'Long term', cash: '1000.00' })
    .uponReceiving('apply a buy of an unknown symbol')
    .withRequest('POST', tradesPath, (b) => b.headers(HEADERS).jsonBody(body))
    .willRespondWith(422, (b) => b.headers(PROBLEM_TYPE).jsonBody({ ...problem('unknown_symbol', 422), errors: [{ field: 'symbol', code: 'unknown_symbol', message: string('Unknown symbol ZZZZ.') }] }))
    .executeTest(async (mock) => {
      const error = await t.throwsAsync(client(mock.url).applyTrade(request, call));
      t.like(error, { status: 422, code: 'unknown_symbol' });
      t.is((error as { errors?: Array<{ field: string }> }).errors?.[0].field, 'symbol');
    });
});

test.serial('a portfolio the caller does not own: 404', async (t) => {
  const { request, body } = trade({ type: 'deposit', amount: '500.00' });
  await pact.addInteraction()
    .given('another user owns a portfolio')
    .uponReceiving('apply a deposit to a portfolio of another user')
    .withRequest('POST', tradesPath, (b) => b.headers(HEADERS).jsonBody(body))
    .willRespondWith(404, (b) => b.headers(PROBLEM_TYPE).jsonBody(problem('not_found', 404)))
    .executeTest(async (mock) => {
      t.like(await t.throwsAsync(client(mock.url).applyTrade(request, call)), { status: 404, code: 'not_found' });
    });
});

test.serial('an invalid token: 401', async (t) => {
  const { request, body } = trade({ type: 'deposit', amount: '500.00' });
  await pact.addInteraction()
    .uponReceiving('apply a deposit with an invalid token')
    .withRequest('POST', `/internal/portfolios/${PORTFOLIO_ID}/trades`, (b) => b.headers({ ...HEADERS, authorization: 'Bearer not-a-token' }).jsonBody(body))
    .willRespondWith(401, (b) => b.headers(PROBLEM_TYPE).jsonBody(problem('invalid_token', 401)))
    .executeTest(async (mock) => {
      t.like(await t.throwsAsync(client(mock.url).applyTrade(request, { ...call, accessToken: 'not-a-token' })), { status: 401, code: 'invalid_token' });
    });
});

test.serial('status read: an applied id answers its stored result (applied false), changing nothing', async (t) => {
  await pact.addInteraction()
    .given('a deposit has been applied to a user’s portfolio', { transactionId: TX_ID, amount: '500.00' })
    .uponReceiving('a status read of an applied transaction id')
    .withRequest('GET', `/internal/trades/${TX_ID}`, (b) => b.headers(HEADERS))
    // the stored result of the deposit: 0.00 + 500.00 = 500.00
    .willRespondWith(200, (b) => b.headers(JSON_TYPE).jsonBody(result({ applied: false, cash: '500.00', holding: null, realizedPnl: null })))
    .executeTest(async (mock) => {
      t.like(await client(mock.url).tradeStatus(TX_ID, call), { transactionId: TX_ID, applied: false, cash: '500.00' });
    });
});

test.serial('status read: an id never applied is a 404 trade_not_applied (null to the client)', async (t) => {
  await pact.addInteraction()
    .given('a user owns a portfolio', { name: 'Core', description: 'Long term', cash: '0.00' })
    .uponReceiving('a status read of a transaction id never applied')
    .withRequest('GET', `/internal/trades/${NEVER_APPLIED}`, (b) => b.headers(HEADERS))
    .willRespondWith(404, (b) => b.headers(PROBLEM_TYPE).jsonBody(problem('trade_not_applied', 404)))
    .executeTest(async (mock) => {
      t.is(await client(mock.url).tradeStatus(NEVER_APPLIED, call), null);
    });
});

test.serial('an end user\'s own access token is refused: 401', async (t) => {
  const { request, body } = trade({ type: 'deposit', amount: '500.00' });
  await pact.addInteraction()
    .given('a user owns a portfolio and calls with their own access token')
    .uponReceiving('apply a deposit with the user\'s access token instead of a service token')
    .withRequest('POST', tradesPath, (b) => b.headers(HEADERS).jsonBody(body))
    .willRespondWith(401, (b) => b.headers(PROBLEM_TYPE).jsonBody(problem('invalid_token', 401)))
    .executeTest(async (mock) => {
      t.like(await t.throwsAsync(client(mock.url).applyTrade(request, call)), { status: 401, code: 'invalid_token' });
    });
});

// ---- more answers the transaction service handles differently -------------------------------------------------

test.serial('sell of the whole position: applied, the holding closes at quantity 0 and keeps its realised P/L', async (t) => {
  const { request, body } = trade({ type: 'sell', symbol: 'AAPL', quantity: '10', price: '110.00' });
  await pact.addInteraction()
    .given('a portfolio holds 10 of a symbol at an average cost', holds10)
    .uponReceiving('apply a sell of all 10 at 110.00')
    .withRequest('POST', tradesPath, (b) => b.headers(HEADERS).jsonBody(body))
    // realised (110.00 − 100.00) × 10 = 100.00; cash 1000.00 + 1100.00 = 2100.00; quantity 0
    .willRespondWith(200, (b) => b.headers(JSON_TYPE).jsonBody(result({
      applied: true, cash: '2100.00', holding: holding({ quantity: '0', averageCost: AVERAGE_COST('100.0000'), realizedPnl: '100.00' }), realizedPnl: '100.00',
    })))
    .executeTest(async (mock) => {
      t.like(await client(mock.url).applyTrade(request, call), { cash: '2100.00', holding: { quantity: '0' }, realizedPnl: '100.00' });
    });
});

test.serial('dividend on a held symbol: applied, cash goes up', async (t) => {
  const { request, body } = trade({ type: 'dividend', symbol: 'AAPL', amount: '25.50' });
  await pact.addInteraction()
    .given('a portfolio holds 10 of a symbol at an average cost', holds10)
    .uponReceiving('apply a dividend of 25.50 on a held symbol')
    .withRequest('POST', tradesPath, (b) => b.headers(HEADERS).jsonBody(body))
    // 1000.00 + 25.50 = 1025.50
    .willRespondWith(200, (b) => b.headers(JSON_TYPE).jsonBody(result({ applied: true, cash: '1025.50', holding: null, realizedPnl: null })))
    .executeTest(async (mock) => {
      t.like(await client(mock.url).applyTrade(request, call), { applied: true, cash: '1025.50' });
    });
});

test.serial('a transactionId already applied to another portfolio: 409 transaction_id_conflict, nothing applied', async (t) => {
  const { request, body } = trade({ type: 'deposit', amount: '500.00' });
  await pact.addInteraction()
    .given('a deposit has been applied to another of the user’s portfolios', { transactionId: TX_ID, amount: '500.00' })
    .uponReceiving('apply a deposit whose transactionId was applied to another portfolio')
    .withRequest('POST', tradesPath, (b) => b.headers(HEADERS).jsonBody(body))
    .willRespondWith(409, (b) => b.headers(PROBLEM_TYPE).jsonBody(problem('transaction_id_conflict', 409)))
    .executeTest(async (mock) => {
      t.like(await t.throwsAsync(client(mock.url).applyTrade(request, call)), { status: 409, code: 'transaction_id_conflict' });
    });
});

test.serial('status read: an id applied to another user’s portfolio is a 404 (null: not this caller’s trade)', async (t) => {
  await pact.addInteraction()
    .given('a deposit has been applied to another user’s portfolio', { transactionId: TX_ID, amount: '500.00' })
    .uponReceiving('a status read of a transaction id applied for another user')
    .withRequest('GET', `/internal/trades/${TX_ID}`, (b) => b.headers(HEADERS))
    .willRespondWith(404, (b) => b.headers(PROBLEM_TYPE).jsonBody(problem('trade_not_applied', 404)))
    .executeTest(async (mock) => {
      t.is(await client(mock.url).tradeStatus(TX_ID, call), null);
    });
});

// ---- batches: trades that arrive while a call is on its way go together (CoalescingPortfolioClient) ----------------

test.serial('a batch: two users\' trades, each with its own token — one applied, one refused — answered in order', async (t) => {
  const BUYER_TX = '4a6c8e0b-2d4f-4b6d-8f0a-1c3e5a7b9d0f';
  const TOKEN = regex(/^\S+\.\S+\.\S+$/, 'a.b.c');
  const otherPortfolio = fromProviderState('${otherPortfolioId}', '8f4c0e2b-3d5a-4b7c-8e9f-4a2b3c5d6e7f');
  const deposit = trade({ type: 'deposit', amount: '500.00' }).request;
  const buy: ApplyTradeRequest = { transactionId: BUYER_TX, portfolioId: '8f4c0e2b-3d5a-4b7c-8e9f-4a2b3c5d6e7f', type: 'buy', symbol: 'AAPL', quantity: '10', price: '100.00', executedAt };
  const { portfolioId: _first, ...depositBody } = deposit;
  const { portfolioId: _second, ...buyBody } = buy;
  await pact.addInteraction()
    .given('two users each own a portfolio', { cash: '0.00', otherCash: '100.00' })
    .uponReceiving('apply a batch of a deposit of one user and a buy another user cannot pay for')
    .withRequest('POST', '/internal/trade-batches', (b) => b.headers(HEADERS).jsonBody({
      trades: [{ ...depositBody, portfolioId: portfolioFromState, onBehalfOf: TOKEN }, { ...buyBody, portfolioId: otherPortfolio, onBehalfOf: TOKEN }],
    }))
    // the deposit: 0.00 + 500.00 = 500.00; the buy: 10 × 100.00 = 1000.00 > 100.00 cash
    .willRespondWith(200, (b) => b.headers(JSON_TYPE).jsonBody({
      results: [
        { status: 200, result: result({ applied: true, cash: '500.00', holding: null, realizedPnl: null }) },
        { status: 409, problem: problem('insufficient_cash', 409) },
      ],
    }))
    .executeTest(async (mock) => {
      const outcomes = await client(mock.url).applyTrades([{ request: deposit, ctx: call }, { request: buy, ctx: { ...call, accessToken: 'd.e.f' } }]);
      t.like(outcomes[0], { result: { transactionId: TX_ID, applied: true, cash: '500.00' } });
      t.like(outcomes[1], { error: { status: 409, code: 'insufficient_cash' } });
    });
});

test.serial('a batch trade with an invalid token: that trade alone is refused (401)', async (t) => {
  const { request, body } = trade({ type: 'deposit', amount: '500.00' });
  await pact.addInteraction()
    .given('a user owns a portfolio', { name: 'Core', description: 'Long term', cash: '0.00' })
    .uponReceiving('apply a batch whose trade carries an invalid token')
    .withRequest('POST', '/internal/trade-batches', (b) => b.headers(HEADERS).jsonBody({ trades: [{ ...body, portfolioId: portfolioFromState, onBehalfOf: 'not-a-token' }] }))
    .willRespondWith(200, (b) => b.headers(JSON_TYPE).jsonBody({ results: [{ status: 401, problem: problem('invalid_token', 401) }] }))
    .executeTest(async (mock) => {
      const [outcome] = await client(mock.url).applyTrades([{ request, ctx: { ...call, accessToken: 'not-a-token' } }]);
      t.like(outcome, { error: { status: 401, code: 'invalid_token' } });
    });
});
