/**
 * Partial failures between the transaction and portfolio services, on real processes: the whole system from the
 * system kit (every service its own process on a free port, file-SQLite databases in a temp dir), with a short
 * client timeout and reconcile interval. Each test breaks the system in one way in the middle of a trade, puts it
 * back, and then — with no retry by the client — waits (polling, bounded) until the portfolio's cash and holdings
 * equal what the user's transaction history says, with nothing left pending and nothing applied twice.
 *
 * The tests run one after another on one system (they pause and kill its processes) and leave it running again.
 */
import test from 'ava';
import { startSystem, type RunningSystem } from '@ledgerline/system-kit';
import { converged, newInvestor, unreadBytesAt, until } from './support/ledger.ts';

/** The transaction service gives up on the portfolio service after this long (its "client timeout"). */
const PORTFOLIO_TIMEOUT_MS = 1000;
const RECONCILE_INTERVAL_MS = 200;
/** Long enough on a loaded 2-core machine: a claim lease (2 × timeout + 1 s) plus many reconcile intervals. */
const CONVERGE_WITHIN_MS = 30_000;

let system: RunningSystem;

test.before(async () => {
  system = await startSystem({
    env: {
      PORTFOLIO_TIMEOUT_MS: String(PORTFOLIO_TIMEOUT_MS),
      TRANSACTION_RECONCILE_INTERVAL_MS: String(RECONCILE_INTERVAL_MS),
      TRANSACTION_RETRY_BACKOFF_MS: '100',
      TRANSACTION_RETRY_MAX_BACKOFF_MS: '400',
    },
  });
});

test.after.always(async () => {
  await system?.stop();
});

const pendingHealth = async () => {
  const ready = (await (await fetch(`${system.urls.transaction}/health/ready`)).json()) as { checks: { pendingTransactions: { count: number; oldestAgeSeconds: number | null } } };
  return ready.checks.pendingTransactions;
};

test.serial('the portfolio service freezes (SIGSTOP) during a trade for longer than the client timeout, then resumes', async (t) => {
  const investor = await newInvestor(system.gatewayUrl);
  t.is((await investor.record({ type: 'deposit', amount: '1000.00' })).status, 201);
  system.services.portfolio.pause();
  let buy;
  try {
    buy = await investor.record({ type: 'buy', symbol: 'AAPL', quantity: '2', price: '100.00', fees: '1.00' });
  } finally {
    system.services.portfolio.resume();
  }
  t.is(buy.status, 202, JSON.stringify(buy.body));
  t.like(buy.body, { status: 'pending', result: null });
  const end = await converged(investor, CONVERGE_WITHIN_MS);
  // 1000.00 − (2 × 100.00 + 1.00) = 799.00, applied once
  t.deepEqual({ cash: end.cash, holdings: end.holdings }, { cash: '799.00', holdings: { AAPL: '2' } });
  t.deepEqual(end.history.map((tx) => [tx.type, tx.status]), [['buy', 'completed'], ['deposit', 'completed']]);
});

test.serial('trades of several users at once travel together (batches); each lands in its owner\'s portfolio, once', async (t) => {
  const investors = await Promise.all([1, 2, 3].map(() => newInvestor(system.gatewayUrl)));
  for (const investor of investors) t.is((await investor.record({ type: 'deposit', amount: '1000.00' })).status, 201);
  // Six trades at once: the first calls go alone, the ones that arrive meanwhile go in one batch.
  const answers = await Promise.all(investors.flatMap((investor, i) => [
    investor.record({ type: 'deposit', amount: `${10 * (i + 1)}.00` }),
    investor.record({ type: 'buy', symbol: 'AAPL', quantity: String(i + 1), price: '100.00' }),
  ]));
  t.deepEqual(answers.map((answer) => answer.status), [201, 201, 201, 201, 201, 201], JSON.stringify(answers.map((a) => a.body)));
  for (const [i, investor] of investors.entries()) {
    // 1000.00 + 10 × (i + 1) − (i + 1) × 100.00
    t.deepEqual(await investor.positions(), { cash: (1000 - 90 * (i + 1)).toFixed(2), holdings: { AAPL: String(i + 1) } });
  }
});

test.serial('the portfolio service freezes while several users\' trades are on their way, alone and in a batch; all complete once, after it resumes', async (t) => {
  const investors = await Promise.all([1, 2, 3].map(() => newInvestor(system.gatewayUrl)));
  for (const investor of investors) t.is((await investor.record({ type: 'deposit', amount: '1000.00' })).status, 201);
  system.services.portfolio.pause();
  let answers;
  try {
    answers = await Promise.all(investors.flatMap((investor, i) => [
      investor.record({ type: 'deposit', amount: `${10 * (i + 1)}.00` }),
      investor.record({ type: 'buy', symbol: 'MSFT', quantity: String(i + 1), price: '50.00' }),
    ]));
  } finally {
    system.services.portfolio.resume();
  }
  // No answer in time, for the calls on their way and for the batch that waited for them: all stored, pending.
  t.deepEqual(answers.map((answer) => [answer.status, answer.body.status]), Array.from({ length: 6 }, () => [202, 'pending']));
  for (const [i, investor] of investors.entries()) {
    const end = await converged(investor, CONVERGE_WITHIN_MS);
    // 1000.00 + 10 × (i + 1) − (i + 1) × 50.00, each trade applied once (the frozen service applied them on resuming)
    t.deepEqual({ cash: end.cash, holdings: end.holdings }, { cash: (1000 - 40 * (i + 1)).toFixed(2), holdings: { MSFT: String(i + 1) } });
    t.deepEqual(end.history.map((tx) => tx.status), ['completed', 'completed', 'completed']);
  }
});

test.serial('the transaction service dies right after the portfolio applied a trade, and is restarted on the same database', async (t) => {
  const investor = await newInvestor(system.gatewayUrl);
  t.is((await investor.record({ type: 'deposit', amount: '1000.00' })).status, 201);
  const portfolioPort = Number(new URL(system.urls.portfolio).port);

  // Freeze the portfolio service, send a deposit, and wait until its request has reached the portfolio's socket.
  system.services.portfolio.pause();
  const abandoned = investor.record({ type: 'deposit', amount: '50.00' }).catch((error: unknown) => error);
  let unread = 0;
  await until('the apply request has reached the paused portfolio service', () => {
    const now = unreadBytesAt(portfolioPort);
    const settled = now > 0 && now === unread; // the same non-zero count twice: the whole request is there
    unread = now;
    return settled;
  });
  // Freeze the transaction service, let the portfolio apply it and answer into the void, then kill the
  // transaction service before it could read that answer.
  system.services.transaction.pause();
  system.services.portfolio.resume();
  await until('the portfolio applied the deposit', async () => (await investor.cash()) === '1050.00');
  await system.services.transaction.kill();
  await abandoned; // the client's request fails (the gateway reports the lost upstream); it does not retry

  await system.services.transaction.restart();
  const end = await converged(investor, CONVERGE_WITHIN_MS);
  // 1000.00 + 50.00 = 1050.00: completed from the portfolio's record, not applied a second time
  t.is(end.cash, '1050.00');
  t.deepEqual(end.history.map((tx) => [tx.type, tx.amount, tx.status]), [['deposit', '50.00', 'completed'], ['deposit', '1000.00', 'completed']]);
});

test.serial('the portfolio service is down for many reconcile intervals; the trades made meanwhile complete once it is back', async (t) => {
  const investor = await newInvestor(system.gatewayUrl);
  t.is((await investor.record({ type: 'deposit', amount: '1000.00' })).status, 201);
  await system.services.portfolio.kill();
  try {
    const answers = [
      await investor.record({ type: 'deposit', amount: '10.00' }),
      await investor.record({ type: 'buy', symbol: 'MSFT', quantity: '1', price: '50.00' }),
      await investor.record({ type: 'withdrawal', amount: '5.00' }),
    ];
    t.deepEqual(answers.map((answer) => [answer.status, answer.body.status]), [[202, 'pending'], [202, 'pending'], [202, 'pending']]);
    // at least 10 reconcile intervals (200 ms each) with the three still pending
    await until('the oldest pending trade has waited 2 s', async () => {
      const health = await pendingHealth();
      return health.count >= 3 && (health.oldestAgeSeconds ?? 0) >= 2;
    });
  } finally {
    await system.services.portfolio.restart();
  }
  const end = await converged(investor, CONVERGE_WITHIN_MS);
  // 1000.00 + 10.00 − 1 × 50.00 − 5.00 = 955.00
  t.deepEqual({ cash: end.cash, holdings: end.holdings }, { cash: '955.00', holdings: { MSFT: '1' } });
  t.is(end.history.filter((tx) => tx.status === 'completed').length, 4);
  await until('the health check shows nothing pending', async () => (await pendingHealth()).count === 0);
});
