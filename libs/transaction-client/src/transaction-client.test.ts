import test from 'ava';
import { startFakeUpstream } from '@ledgerline/test-kit';
import { TransactionClient } from './index.ts';

const at = '2026-01-01T00:00:00.000Z';
const tx = {
  id: 't-1', portfolioId: 'p-1', type: 'buy', symbol: 'AAPL', quantity: '10', price: '100.00', amount: null, fees: '0.00', executedAt: at, createdAt: at,
  status: 'completed', result: { cash: '0.00', holding: { symbol: 'AAPL', quantity: '10', averageCost: '100.0000', realizedPnl: '0.00' }, realizedPnl: null }, rejection: null,
};

test('record sends the Idempotency-Key and tells a first recording (201) from a replay (Idempotent-Replayed) and a pending one (202)', async (t) => {
  const fake = await startFakeUpstream(t);
  let calls = 0;
  fake.on('POST /transactions', (ctx) => {
    calls += 1;
    ctx.status = [201, 200, 202][calls - 1];
    if (calls === 2) ctx.set('idempotent-replayed', 'true');
    ctx.body = calls === 3 ? { ...tx, status: 'pending', result: null } : tx;
  });
  const client = new TransactionClient({ baseUrl: fake.url });
  const body = { portfolioId: 'p-1', type: 'buy', symbol: 'AAPL', quantity: '10', price: '100.00' };
  t.false((await client.record(body, 'key-1', { accessToken: 'tok' })).replayed);
  t.like(await client.record(body, 'key-1', { accessToken: 'tok' }), { replayed: true, pending: false });
  // 202: stored, not yet applied
  t.like(await client.record(body, 'key-2', { accessToken: 'tok' }), { replayed: false, pending: true, transaction: { status: 'pending', result: null } });
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

test('a transaction that breaks the public schema (a field missing, a wrong type) is a 502, not passed on', async (t) => {
  const fake = await startFakeUpstream(t);
  const { createdAt: _createdAt, ...withoutCreatedAt } = tx;
  const bodies = [withoutCreatedAt, { ...tx, fees: 0 }, { ...tx, result: { ...tx.result, cash: 0 } }];
  let call = 0;
  fake.on('GET /transactions/t-1', (ctx) => { ctx.body = bodies[call++]; });
  for (let i = 0; i < bodies.length; i++) {
    await t.throwsAsync(new TransactionClient({ baseUrl: fake.url }).get('t-1', { accessToken: 'tok' }), { message: /Bad gateway/ }, `body ${i}`);
  }
});
