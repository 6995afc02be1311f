/** The gateway's own refusals, once per error code, with the message the user reads. */
import test from 'ava';
import { problem, problemOf } from '@ledgerline/test-kit';
import { createGatewayTestApp } from '../testing.ts';

test('an upstream that is down, slow or broken is named in the message', async (t) => {
  const down = await createGatewayTestApp(t, { down: ['auth'] });
  t.deepEqual(problemOf(await down.http.get('/api/v1/auth/password-policy')), problem(503, 'auth_unavailable', 'The auth service is unavailable.'));
  const slow = await createGatewayTestApp(t, { timeoutMs: 150 });
  slow.upstreams.transaction.on('GET /transactions', async (ctx) => {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    ctx.body = { items: [], nextCursor: null };
  });
  const auth = await slow.bearer();
  t.deepEqual(problemOf(await slow.http.get('/api/v1/transactions').set('authorization', auth)), problem(504, 'transaction_timeout', 'The transaction service did not answer within 150 ms.'));
  down.upstreams.portfolio.on('GET /portfolios', (ctx) => {
    ctx.status = 500;
  });
  t.deepEqual(problemOf(await down.http.get('/api/v1/portfolios').set('authorization', await down.bearer())), problem(502, 'portfolio_bad_response', 'The portfolio service failed (HTTP 500).'));
});
