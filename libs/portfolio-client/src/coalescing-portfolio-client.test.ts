import test from 'ava';
import { AppError } from '@ledgerline/http-kit';
import { MAX_TRADE_BATCH } from '@ledgerline/api-schemas/internal';
import { CoalescingPortfolioClient, type BatchingPortfolioClient } from './coalescing-portfolio-client.ts';
import type { ApplyTradeRequest, ApplyTradeResult, BatchOutcome, TradeToApply } from './trade-api.ts';

const request = (n: number): ApplyTradeRequest => ({ transactionId: `tx-${n}`, portfolioId: `p-${n}`, type: 'deposit', amount: `${n}.00`, executedAt: '2026-05-01T10:00:00.000Z' });
const resultOf = (r: ApplyTradeRequest): ApplyTradeResult => ({ transactionId: r.transactionId, portfolioId: r.portfolioId, applied: true, cash: r.amount!, holding: null, realizedPnl: null });
const refusal = new AppError(409, 'insufficient_cash', 'Conflict', { detail: 'Not enough cash.' });

/**
 * A portfolio service whose calls stay open until the test answers them: every call is recorded (a single apply or a
 * batch, with the trades it carried) with the function that settles it.
 */
function heldUpstream() {
  const calls: Array<{ kind: 'single' | 'batch'; trades: TradeToApply[]; answer(): void; fail(error: unknown): void }> = [];
  let open = 0;
  let mostOpen = 0;
  const client: BatchingPortfolioClient = {
    applyTrade: (req, ctx) => new Promise<ApplyTradeResult>((resolve, reject) => {
      open += 1;
      mostOpen = Math.max(mostOpen, open);
      const settle = () => { open -= 1; };
      calls.push({
        kind: 'single', trades: [{ request: req, ctx }],
        answer: () => { settle(); if (req.amount === '0.00') reject(refusal); else resolve(resultOf(req)); },
        fail: (error) => { settle(); reject(error); },
      });
    }),
    applyTrades: (trades) => new Promise<BatchOutcome[]>((resolve, reject) => {
      open += 1;
      mostOpen = Math.max(mostOpen, open);
      const settle = () => { open -= 1; };
      calls.push({
        kind: 'batch', trades,
        // A deposit of 0.00 stands for a trade the service refuses.
        answer: () => { settle(); resolve(trades.map(({ request: r }) => (r.amount === '0.00' ? { error: refusal } : { result: resultOf(r) }))); },
        fail: (error) => { settle(); reject(error); },
      });
    }),
    tradeStatus: async () => null,
  };
  return { client, calls, mostOpen: () => mostOpen };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));
const ctx = (n: number) => ({ accessToken: `token-${n}`, requestId: `req-${n}` });

test('a trade alone is sent at once, by the single apply (no batch, no waiting for a timer)', async (t) => {
  const upstream = heldUpstream();
  const client = new CoalescingPortfolioClient(upstream.client);
  const applied = client.applyTrade(request(1), ctx(1));
  t.is(upstream.calls.length, 1, 'sent in the same tick');
  t.is(upstream.calls[0].kind, 'single');
  t.deepEqual(upstream.calls[0].trades[0].ctx, ctx(1));
  upstream.calls[0].answer();
  t.deepEqual(await applied, resultOf(request(1)));
});

test('trades that arrive while calls are on their way go together in the next call; each caller gets its own answer', async (t) => {
  const upstream = heldUpstream();
  const client = new CoalescingPortfolioClient(upstream.client, { maxInFlight: 1 });
  const first = client.applyTrade(request(1), ctx(1));
  const waiting = [2, 0, 3].map((n) => client.applyTrade(request(n), ctx(n)));
  t.is(upstream.calls.length, 1, 'one call on its way: the others wait for it');
  upstream.calls[0].answer();
  await first;
  await tick();
  t.is(upstream.calls.length, 2);
  t.is(upstream.calls[1].kind, 'batch');
  t.deepEqual(upstream.calls[1].trades.map((trade) => [trade.request.transactionId, trade.ctx.accessToken]), [['tx-2', 'token-2'], ['tx-0', 'token-0'], ['tx-3', 'token-3']]);
  upstream.calls[1].answer();
  const [two, zero, three] = await Promise.allSettled(waiting);
  t.deepEqual(two, { status: 'fulfilled', value: resultOf(request(2)) });
  t.deepEqual(zero, { status: 'rejected', reason: refusal }, 'the refused trade alone is refused');
  t.deepEqual(three, { status: 'fulfilled', value: resultOf(request(3)) });
});

test('when a batch\'s call fails, every trade in it gets that error (and stays pending for the reconciler); later trades go on', async (t) => {
  const upstream = heldUpstream();
  const client = new CoalescingPortfolioClient(upstream.client, { maxInFlight: 1 });
  const first = client.applyTrade(request(1), ctx(1));
  const batched = [2, 3].map((n) => client.applyTrade(request(n), ctx(n)));
  upstream.calls[0].answer();
  await first;
  await tick();
  const timeout = new AppError(504, 'portfolio_timeout', 'Gateway timeout');
  upstream.calls[1].fail(timeout);
  for (const outcome of await Promise.allSettled(batched)) t.deepEqual(outcome, { status: 'rejected', reason: timeout });
  const after = client.applyTrade(request(4), ctx(4));
  t.is(upstream.calls.length, 3);
  upstream.calls[2].answer();
  t.deepEqual(await after, resultOf(request(4)));
});

test('never more calls on their way than maxInFlight, and never more trades in one than maxBatch', async (t) => {
  const upstream = heldUpstream();
  const client = new CoalescingPortfolioClient(upstream.client, { maxInFlight: 2, maxBatch: 3 });
  const all = Array.from({ length: 9 }, (_, i) => client.applyTrade(request(i + 1), ctx(i + 1)));
  t.deepEqual(upstream.calls.map((call) => call.trades.length), [1, 1], 'the first two at once, alone; the other seven wait');
  for (let answered = 0; answered < upstream.calls.length; answered += 1) {
    upstream.calls[answered].answer();
    await tick();
  }
  t.deepEqual((await Promise.all(all)).map((r) => r.transactionId), Array.from({ length: 9 }, (_, i) => `tx-${i + 1}`), 'every caller got its own result');
  t.deepEqual(upstream.calls.map((call) => call.trades.length), [1, 1, 3, 3, 1]);
  t.is(upstream.mostOpen(), 2);
});

test('maxBatch is capped at what the portfolio service accepts (MAX_TRADE_BATCH)', async (t) => {
  const upstream = heldUpstream();
  const client = new CoalescingPortfolioClient(upstream.client, { maxInFlight: 1, maxBatch: 10_000 });
  const all = Array.from({ length: MAX_TRADE_BATCH + 2 }, (_, i) => client.applyTrade(request(i + 1), ctx(i + 1)));
  for (let answered = 0; answered < upstream.calls.length; answered += 1) {
    upstream.calls[answered].answer();
    await tick();
  }
  await Promise.all(all);
  t.deepEqual(upstream.calls.map((call) => call.trades.length), [1, MAX_TRADE_BATCH, 1]);
});
