import { once } from 'node:events';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import test, { type ExecutionContext } from 'ava';
import Koa from 'koa';
import { AppError } from '@ledgerline/http-kit';
import { HttpPortfolioClient } from './http-portfolio-client.ts';
import type { ApplyTradeRequest } from './trade-api.ts';

interface Seen {
  method: string;
  path: string;
  headers: Record<string, string | string[] | undefined>;
  body: unknown;
}

/** A tiny in-process portfolio fake on an ephemeral port, closed when the test ends. */
async function startFake(t: ExecutionContext, respond: (seen: Seen, ctx: Koa.Context) => void | Promise<void>) {
  const seen: Seen[] = [];
  const app = new Koa();
  app.use(async (ctx) => {
    const chunks: Buffer[] = [];
    for await (const chunk of ctx.req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const entry = { method: ctx.method, path: ctx.path, headers: { ...ctx.headers }, body: raw ? JSON.parse(raw) : undefined };
    seen.push(entry);
    await respond(entry, ctx);
  });
  const server: Server = app.listen(0, '127.0.0.1');
  await once(server, 'listening');
  t.teardown(() => {
    server.closeAllConnections();
    return new Promise<void>((done) => server.close(() => done()));
  });
  return { baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen };
}

const trade = (overrides: Partial<ApplyTradeRequest> = {}): ApplyTradeRequest => ({
  transactionId: '9b2f7c1e-4d3a-8b5c-9e6f-0a1b2c3d4e5f',
  portfolioId: 'p-123',
  type: 'buy',
  symbol: 'AAPL',
  quantity: '10',
  price: '100.00',
  fees: '5.00',
  executedAt: '2026-05-01T10:00:00.000Z',
  ...overrides,
});

const problem = (ctx: Koa.Context, status: number, body: Record<string, unknown>) => {
  ctx.status = status;
  ctx.type = 'application/problem+json';
  ctx.body = { type: `https://ledgerline.dev/problems/${String(body.code)}`, title: 'Refused', status, ...body };
};

async function failure(t: ExecutionContext, promise: Promise<unknown>): Promise<AppError> {
  const error = await t.throwsAsync(promise);
  t.true(error instanceof AppError);
  return error as AppError;
}

test('a 200 is returned as the typed result; token, request id and body are forwarded', async (t) => {
  const { baseUrl, seen } = await startFake(t, (_seen, ctx) => {
    // buy 10 @ 100.00 + 5.00 fees from 2000.00 cash: 2000.00 - 1005.00 = 995.00; averageCost 1005/10 = 100.5000
    ctx.body = {
      transactionId: '9b2f7c1e-4d3a-8b5c-9e6f-0a1b2c3d4e5f', portfolioId: 'p-123', applied: true, cash: '995.00',
      holding: { symbol: 'AAPL', quantity: '10', averageCost: '100.5000', realizedPnl: '0.00' }, realizedPnl: null, extra: 'ignored',
    };
  });
  const client = new HttpPortfolioClient({ baseUrl: `${baseUrl}/` });
  const result = await client.applyTrade(trade(), { accessToken: 'tok.en.value', requestId: 'req-42' });
  t.deepEqual(result, {
    transactionId: '9b2f7c1e-4d3a-8b5c-9e6f-0a1b2c3d4e5f', portfolioId: 'p-123', applied: true, cash: '995.00',
    holding: { symbol: 'AAPL', quantity: '10', averageCost: '100.5000', realizedPnl: '0.00' }, realizedPnl: null,
  });
  t.is(seen.length, 1);
  t.is(seen[0].method, 'POST');
  t.is(seen[0].path, '/internal/portfolios/p-123/trades');
  t.is(seen[0].headers.authorization, 'Bearer tok.en.value');
  t.is(seen[0].headers['x-request-id'], 'req-42');
  t.regex(String(seen[0].headers['content-type']), /application\/json/);
  const { portfolioId: _portfolioId, ...body } = trade();
  t.deepEqual(seen[0].body, body); // the portfolio id travels in the path only
});

test('a 409 refusal is re-thrown with the same status, code, detail and field errors', async (t) => {
  const errors = [{ field: 'quantity', code: 'insufficient_quantity', message: 'You hold 5.' }];
  const { baseUrl } = await startFake(t, (_seen, ctx) =>
    problem(ctx, 409, { code: 'insufficient_quantity', detail: 'Cannot sell more than held.', errors }),
  );
  const error = await failure(t, new HttpPortfolioClient({ baseUrl }).applyTrade(trade({ type: 'sell' }), { accessToken: 'x' }));
  t.is(error.status, 409);
  t.is(error.code, 'insufficient_quantity');
  t.is(error.detail, 'Cannot sell more than held.');
  t.deepEqual(error.errors, errors);
});

test('a 404 (not the caller\'s portfolio) and a 422 unknown_symbol pass through', async (t) => {
  const { baseUrl } = await startFake(t, (seen, ctx) => {
    if (seen.path.includes('missing')) problem(ctx, 404, { code: 'not_found', detail: 'Portfolio was not found.' });
    else problem(ctx, 422, { code: 'unknown_symbol', errors: [{ field: 'symbol', code: 'unknown_symbol', message: 'No such symbol.' }] });
  });
  const client = new HttpPortfolioClient({ baseUrl });
  const notFound = await failure(t, client.applyTrade(trade({ portfolioId: 'missing' }), { accessToken: 'x' }));
  t.like(notFound, { status: 404, code: 'not_found', detail: 'Portfolio was not found.' });
  const unknown = await failure(t, client.applyTrade(trade({ symbol: 'ZZZZ' }), { accessToken: 'x' }));
  t.like(unknown, { status: 422, code: 'unknown_symbol' });
  t.is(unknown.errors?.[0].field, 'symbol');
});

test('connection refused is 503 portfolio_unavailable', async (t) => {
  const server: Server = new Koa().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((done) => server.close(() => done()));
  const error = await failure(t, new HttpPortfolioClient({ baseUrl: `http://127.0.0.1:${port}` }).applyTrade(trade(), { accessToken: 'x' }));
  t.like(error, { status: 503, code: 'portfolio_unavailable' });
});

test('a 500 from the portfolio service is 503 portfolio_unavailable (no internals leak)', async (t) => {
  const { baseUrl } = await startFake(t, (_seen, ctx) => problem(ctx, 500, { code: 'internal_error', detail: 'db exploded' }));
  const error = await failure(t, new HttpPortfolioClient({ baseUrl }).applyTrade(trade(), { accessToken: 'x' }));
  t.like(error, { status: 503, code: 'portfolio_unavailable' });
  t.notRegex(error.detail ?? '', /exploded/);
});

test('no answer within timeoutMs is 504 portfolio_timeout', async (t) => {
  let release = () => {};
  const { baseUrl } = await startFake(t, async (_seen, ctx) => {
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, 1000);
      release = () => { clearTimeout(timer); resolve(); };
    });
    ctx.body = {};
  });
  t.teardown(() => release());
  const error = await failure(t, new HttpPortfolioClient({ baseUrl, timeoutMs: 100 }).applyTrade(trade(), { accessToken: 'x' }));
  t.like(error, { status: 504, code: 'portfolio_timeout' });
});

test('a 200 of the wrong shape, non-JSON, or for another transaction is 502 portfolio_bad_response', async (t) => {
  const bodies: unknown[] = [
    { transactionId: '9b2f7c1e-4d3a-8b5c-9e6f-0a1b2c3d4e5f', portfolioId: 'p-123', applied: 'yes', cash: 995 },
    'not json at all',
    { transactionId: 'another', portfolioId: 'p-123', applied: true, cash: '1.00', holding: null, realizedPnl: null },
  ];
  let call = 0;
  const { baseUrl } = await startFake(t, (_seen, ctx) => {
    const body = bodies[call++];
    ctx.status = 200;
    if (typeof body === 'string') {
      ctx.type = 'text/plain';
    }
    ctx.body = body;
  });
  const client = new HttpPortfolioClient({ baseUrl });
  for (let i = 0; i < bodies.length; i++) {
    const error = await failure(t, client.applyTrade(trade(), { accessToken: 'x' }));
    t.like(error, { status: 502, code: 'portfolio_bad_response' });
  }
});

test('tradeStatus: 200 is the stored result, a 404 trade_not_applied is null, any other refusal is thrown', async (t) => {
  const id = '9b2f7c1e-4d3a-8b5c-9e6f-0a1b2c3d4e5f';
  const stored = { transactionId: id, portfolioId: 'p-123', applied: false, cash: '995.00', holding: null, realizedPnl: null };
  const { baseUrl, seen } = await startFake(t, (entry, ctx) => {
    if (entry.path.endsWith(id)) ctx.body = stored;
    else if (entry.path.endsWith('never')) problem(ctx, 404, { code: 'trade_not_applied', detail: 'Not applied.' });
    else problem(ctx, 401, { code: 'invalid_token', detail: 'No.' });
  });
  const client = new HttpPortfolioClient({ baseUrl });
  t.deepEqual(await client.tradeStatus(id, { accessToken: 'obo.tok.en', requestId: 'req-7' }), stored);
  t.is(seen[0].method, 'GET');
  t.is(seen[0].path, `/internal/trades/${id}`);
  t.is(seen[0].headers.authorization, 'Bearer obo.tok.en');
  t.is(seen[0].headers['x-request-id'], 'req-7');
  t.is(await client.tradeStatus('never', { accessToken: 'x' }), null);
  t.like(await failure(t, client.tradeStatus('other', { accessToken: 'x' })), { status: 401, code: 'invalid_token' });
});

test('tradeStatus: a 200 for another transaction id is 502; a 500 is 503', async (t) => {
  const { baseUrl } = await startFake(t, (entry, ctx) => {
    if (entry.path.endsWith('boom')) problem(ctx, 500, { code: 'internal_error' });
    else ctx.body = { transactionId: 'someone-else', portfolioId: 'p', applied: false, cash: '1.00', holding: null, realizedPnl: null };
  });
  const client = new HttpPortfolioClient({ baseUrl });
  t.like(await failure(t, client.tradeStatus('mine', { accessToken: 'x' })), { status: 502, code: 'portfolio_bad_response' });
  t.like(await failure(t, client.tradeStatus('boom', { accessToken: 'x' })), { status: 503, code: 'portfolio_unavailable' });
});

test('applyTrades: one call to /internal/trade-batches, each trade with its own token; each answer mapped as applyTrade maps it', async (t) => {
  const second = trade({ transactionId: '2c4e6a8b-1d3f-4a5b-8c7d-9e0f1a2b3c4d', portfolioId: 'p-456', type: 'deposit', symbol: undefined, quantity: undefined, price: undefined, fees: undefined, amount: '5.00' });
  const third = trade({ transactionId: '3d5f7b9c-2e4a-4b6c-9d8e-0f1a2b3c4d5e' });
  const { baseUrl, seen } = await startFake(t, (_seen, ctx) => {
    ctx.body = {
      results: [
        { status: 409, problem: { type: 'https://ledgerline.dev/problems/insufficient_cash', title: 'Conflict', status: 409, code: 'insufficient_cash', detail: 'Not enough cash.' } },
        { status: 200, result: { transactionId: second.transactionId, portfolioId: 'p-456', applied: true, cash: '5.00', holding: null, realizedPnl: null } },
        // an answer for another transaction: that trade alone is a 502, as a single apply's would be
        { status: 200, result: { transactionId: second.transactionId, portfolioId: 'p-123', applied: true, cash: '5.00', holding: null, realizedPnl: null } },
      ],
    };
  });
  const client = new HttpPortfolioClient({ baseUrl });
  const outcomes = await client.applyTrades([
    { request: trade(), ctx: { accessToken: 'token.of.alice', requestId: 'req-1' } },
    { request: second, ctx: { accessToken: 'token.of.bob', requestId: 'req-2' } },
    { request: third, ctx: { accessToken: 'token.of.carol' } },
  ]);
  t.is(seen.length, 1);
  t.is(seen[0].path, '/internal/trade-batches');
  t.is(seen[0].headers.authorization, 'Bearer token.of.alice', 'the header: the first trade\'s token');
  const sent = (seen[0].body as { trades: Array<Record<string, unknown>> }).trades;
  t.deepEqual(sent.map((item) => [item.transactionId, item.portfolioId, item.onBehalfOf]), [
    [trade().transactionId, 'p-123', 'token.of.alice'], [second.transactionId, 'p-456', 'token.of.bob'], [third.transactionId, 'p-123', 'token.of.carol'],
  ]);
  t.like(outcomes[0], { error: { status: 409, code: 'insufficient_cash', detail: 'Not enough cash.' } });
  t.like(outcomes[1], { result: { transactionId: second.transactionId, cash: '5.00' } });
  t.like(outcomes[2], { error: { status: 502, code: 'portfolio_bad_response' } });
});

test('applyTrades with no trades makes no call', async (t) => {
  const { baseUrl, seen } = await startFake(t, (_seen, ctx) => {
    ctx.body = { results: [] };
  });
  t.deepEqual(await new HttpPortfolioClient({ baseUrl }).applyTrades([]), []);
  t.is(seen.length, 0);
});

test('applyTrades: a failed call says nothing of any trade — 503, 504 and an answer of the wrong shape or length are thrown', async (t) => {
  const trades = [{ request: trade(), ctx: { accessToken: 'a.b.c' } }, { request: trade({ transactionId: '3d5f7b9c-2e4a-4b6c-9d8e-0f1a2b3c4d5e' }), ctx: { accessToken: 'a.b.c' } }];
  const answers: Array<(ctx: Koa.Context) => void | Promise<void>> = [
    (ctx) => problem(ctx, 500, { code: 'internal_error' }),
    (ctx) => problem(ctx, 422, { code: 'validation_failed' }),
    (ctx) => { ctx.body = { results: [{ status: 200, result: {} }] }; },
    (ctx) => { ctx.body = 'not json'; },
    () => new Promise((resolve) => setTimeout(resolve, 500)),
  ];
  let next = 0;
  const { baseUrl } = await startFake(t, (_seen, ctx) => answers[next++](ctx));
  const client = new HttpPortfolioClient({ baseUrl, timeoutMs: 200 });
  t.is((await failure(t, client.applyTrades(trades))).code, 'portfolio_unavailable');
  t.is((await failure(t, client.applyTrades(trades))).code, 'portfolio_bad_response', 'a refusal of the batch itself is no refusal of its trades');
  t.is((await failure(t, client.applyTrades(trades))).code, 'portfolio_bad_response');
  t.is((await failure(t, client.applyTrades(trades))).code, 'portfolio_bad_response');
  t.is((await failure(t, client.applyTrades(trades))).code, 'portfolio_timeout');
});
