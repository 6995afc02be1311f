/**
 * Two replicas of the transaction service on one PostgreSQL database: two apps, each with its own ORM and so its own
 * connections (as two processes have), one throwaway database from the test kit. Their reconcilers run at the same
 * time over the same pending transactions; the conditional-UPDATE claim must let exactly one of them send each one.
 */
import { randomUUID } from 'node:crypto';
import test from 'ava';
import supertest from 'supertest';
import { generateSigningKey, localKeys, toJwks } from '@ledgerline/auth-tokens';
import { createTestClock, createTestFileOrm, createTestLogger, createTestTokenIssuer, replicaOrmsOnPostgres } from '@ledgerline/test-kit';
import { createApp } from '../src/app.ts';
import { transactionEntities } from '../src/entities.ts';
import { FakePortfolioClient } from '../src/testing.ts';

test('two replicas on one PostgreSQL: every pending transaction is sent and applied exactly once', async (t) => {
  const [ormA, ormB] = await replicaOrmsOnPostgres(t, 'transaction', (url) => createTestFileOrm(transactionEntities, url));
  const clock = createTestClock();
  const issuer = await createTestTokenIssuer();
  const signingKey = await generateSigningKey();
  const portfolio = new FakePortfolioClient(localKeys(toJwks([signingKey])), clock.now);
  const replica = (orm: typeof ormA) =>
    createApp({ orm, logger: createTestLogger('transaction'), clock: clock.now, keys: localKeys(issuer.jwks), signingKey, portfolio });
  const [a, b] = [replica(ormA), replica(ormB)];

  // 12 deposits recorded while the portfolio service is down, through both replicas: all pending.
  const userId = randomUUID();
  const auth = `Bearer ${await issuer.token({ userId, now: clock.now() })}`;
  const portfolioId = portfolio.addPortfolio(userId, '0.00');
  const ids: string[] = [];
  for (let i = 1; i <= 12; i++) {
    portfolio.failNext({ kind: 'down' });
    const response = await supertest((i % 2 ? a : b).callback()).post('/transactions').set('authorization', auth).set('idempotency-key', randomUUID())
      .send({ portfolioId, type: 'deposit', amount: `${i}.00` });
    t.is(response.status, 202);
    ids.push(response.body.id as string);
  }
  t.is(portfolio.statusCalls.length, 0);

  clock.advance(1_000);
  const release = portfolio.hold(); // both replicas are mid-send before either gets an answer
  const runs = Promise.all([a.reconciler.runOnce(), b.reconciler.runOnce()]);
  await portfolio.whenStatusAsked(2);
  release();
  const [first, second] = await runs;

  t.is(first.completed + second.completed, 12);
  t.true(first.completed > 0 && second.completed > 0, `both replicas did work (${first.completed} + ${second.completed})`);
  t.is(portfolio.statusCalls.length, 12, 'no transaction was sent twice');
  t.deepEqual(portfolio.statusCalls.map((call) => call.transactionId).sort(), [...ids].sort());
  t.is(portfolio.appliedCount, 12);
  t.is(portfolio.cashOf(portfolioId), '78.00'); // 1 + 2 + … + 12
  const history = await supertest(b.callback()).get(`/transactions?portfolioId=${portfolioId}`).set('authorization', auth);
  t.deepEqual([...new Set((history.body.items as Array<{ status: string }>).map((item) => item.status))], ['completed']);
});
