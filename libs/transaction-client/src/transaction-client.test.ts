import test from 'ava';
import { startFakeUpstream } from '@ledgerline/test-kit';
import { TransactionClient } from './index.ts';

const tx = { id: 't-1', portfolioId: 'p-1', type: 'buy', symbol: 'AAPL', quantity: '10', price: '100.00', fees: '0.00', executedAt: '2026-01-01T00:00:00.000Z' };

test('record sends the Idempotency-Key and tells a first recording (201) from a replay (200)', async (t) => {
  const fake = await startFakeUpstream(t);
  let calls = 0;
  fake.on('POST /transactions', (ctx) => { calls += 1; ctx.status = calls === 1 ? 201 : 200; ctx.body = tx; });
  const client = new TransactionClient({ baseUrl: fake.url });
  const body = { portfolioId: 'p-1', type: 'buy', symbol: 'AAPL', quantity: '10', price: '100.00' };
  t.false((await client.record(body, 'key-1', { accessToken: 'tok' })).replayed);
  t.true((await client.record(body, 'key-1', { accessToken: 'tok' })).replayed);
  t.is(fake.seen[0].headers['idempotency-key'], 'key-1');
  t.deepEqual(fake.seen[0].body, body);
});

test('list passes the filters as query parameters and returns the page', async (t) => {
  const fake = await startFakeUpstream(t);
  fake.on('GET /transactions', (ctx) => { ctx.body = { items: [tx], nextCursor: 'c2' }; });
  const page = await new TransactionClient({ baseUrl: fake.url }).list({ portfolioId: 'p-1', type: 'buy', limit: 10 }, { accessToken: 'tok' });
  t.is(page.nextCursor, 'c2');
  t.is(page.items[0].symbol, 'AAPL');
  t.deepEqual(fake.seen[0].query, { portfolioId: 'p-1', type: 'buy', limit: '10' });
});
