/**
 * Two replicas of the portfolio service on one PostgreSQL database — two apps, each with its own ORM and so its own
 * connection pool, as two processes have — applying trades to the same portfolio at the same moment. PostgreSQL runs
 * them truly in parallel (SQLite's one writer never does), so this is where a lost update would show: two trades that
 * both read the same cash and each write their own sum. Every trade's effect must survive.
 */
import { randomUUID } from 'node:crypto';
import test from 'ava';
import supertest from 'supertest';
import { generateSigningKey, localKeys, signOnBehalfOfToken, toJwks, TRANSACTION_TO_PORTFOLIO } from '@ledgerline/auth-tokens';
import { createMigratedFileOrm, createTestClock, createTestLogger, createTestTokenIssuer, replicaOrmsOnPostgres } from '@ledgerline/test-kit';
import { migrations } from '../migrations/index.ts';
import { createApp } from '../src/app.ts';
import { seedInstruments } from '../src/instruments/seed-instruments.ts';

test('two replicas on one PostgreSQL: concurrent trades on one portfolio all count, none is lost', async (t) => {
  const [ormA, ormB] = await replicaOrmsOnPostgres(t, 'portfolio', (url) => createMigratedFileOrm(migrations, url));
  const clock = createTestClock();
  await seedInstruments(ormA.em.fork(), clock.now());
  const issuer = await createTestTokenIssuer();
  const transactionKey = await generateSigningKey();
  const replica = (orm: typeof ormA) =>
    supertest(createApp({ orm, logger: createTestLogger('portfolio'), clock: clock.now, keys: localKeys(issuer.jwks), internalKeys: localKeys(toJwks([transactionKey])) }).callback());
  const replicas = [replica(ormA), replica(ormB)];

  const userId = randomUUID();
  const auth = `Bearer ${await issuer.token({ userId, now: clock.now() })}`;
  const created = await replicas[0].post('/portfolios').set('authorization', auth).send({ name: 'Busy', baseCurrency: 'USD' });
  t.is(created.status, 201);
  const portfolioId = created.body.id as string;
  const serviceToken = await signOnBehalfOfToken(transactionKey, TRANSACTION_TO_PORTFOLIO, { userId, ttlSeconds: 60, now: clock.now() });
  const apply = (i: number, body: Record<string, unknown>) =>
    replicas[i % 2]
      .post(`/internal/portfolios/${portfolioId}/trades`)
      .set('authorization', `Bearer ${serviceToken}`)
      .send({ transactionId: randomUUID(), executedAt: clock.now().toISOString(), ...body });

  // 12 deposits at once, half through each replica; then 12 buys of the same symbol at once.
  const deposits = await Promise.all(Array.from({ length: 12 }, (_, i) => apply(i, { type: 'deposit', amount: '100.00' })));
  t.deepEqual(deposits.map((response) => response.status), Array(12).fill(200), JSON.stringify(deposits.find((r) => r.status !== 200)?.body));
  const buys = await Promise.all(Array.from({ length: 12 }, (_, i) => apply(i, { type: 'buy', symbol: 'AAPL', quantity: '1', price: '10.00', fees: '0.00' })));
  t.deepEqual(buys.map((response) => response.status), Array(12).fill(200), JSON.stringify(buys.find((r) => r.status !== 200)?.body));

  const portfolio = await replicas[1].get(`/portfolios/${portfolioId}`).set('authorization', auth);
  t.is(portfolio.body.cash, '1080.00', '12 × 100.00 deposited, 12 × 10.00 spent');
  const holdings = await replicas[1].get(`/portfolios/${portfolioId}/holdings`).set('authorization', auth);
  t.deepEqual(
    (holdings.body.items as Array<{ symbol: string; quantity: string; averageCost: string }>).map(({ symbol, quantity, averageCost }) => ({ symbol, quantity, averageCost })),
    [{ symbol: 'AAPL', quantity: '12', averageCost: '10.0000' }],
  );
});
