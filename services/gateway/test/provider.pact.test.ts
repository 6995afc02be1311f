/**
 * Provider verification for the gateway: the web UI's pact, verified against the real gateway with the real
 * auth, portfolio and transaction services behind it (test/support/stack.ts), each on its own fresh
 * file-SQLite database in the OS temp dir. Provider states create their data through the services' own
 * APIs (register, log in, create a portfolio, record transactions: the same code a user's request runs),
 * and the request filter puts the state's real access token on the request.
 */
import test from 'ava';
import { randomUUID } from 'node:crypto';
import { verifyPactsFor } from '@ledgerline/contract-kit';
import { startStack, type Stack } from './support/stack.ts';

let stack: Stack;
/** The access token of the state's user (issued by the real auth service). */
let accessToken: string | undefined;
const PASSWORD = 'Blue-Harbour-Lamp';

async function call(url: string, method: string, body?: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(url, {
    method,
    headers: { 'content-type': 'application/json', ...(accessToken ? { authorization: `Bearer ${accessToken}` } : {}), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${url} → ${response.status} ${text}`);
  return text ? JSON.parse(text) : undefined;
}

async function register(email: string, password = PASSWORD) {
  return call(`${stack.urls.auth}/auth/register`, 'POST', {
    email, password, fullName: 'Ada Lovelace', investmentProfile: { riskTolerance: 'moderate', horizonYears: 15, goals: ['retirement'] },
  });
}

async function logIn(email: string, password = PASSWORD) {
  accessToken = undefined;
  const tokens = await call(`${stack.urls.auth}/auth/login`, 'POST', { email, password });
  accessToken = tokens.accessToken;
  return tokens as { accessToken: string; refreshToken: string };
}

async function loggedInUser() {
  const email = `user-${randomUUID().slice(0, 8)}@example.test`;
  await register(email);
  return logIn(email);
}

async function portfolioNamed(name: string): Promise<string> {
  return (await call(`${stack.urls.portfolio}/portfolios`, 'POST', { name, baseCurrency: 'USD' })).id;
}

async function record(portfolioId: string, body: Record<string, unknown>, idempotencyKey: string = randomUUID()): Promise<{ id: string }> {
  return call(`${stack.urls.transaction}/transactions`, 'POST', { portfolioId, ...body }, { 'idempotency-key': idempotencyKey });
}

/** A portfolio with cash 7,100.00, 10 AAPL at 150.00 and 20 BND at 70.00 (three transactions). */
async function portfolioWithCashAndHoldings(): Promise<string> {
  const portfolioId = await portfolioNamed('Growth');
  await record(portfolioId, { type: 'deposit', amount: '10000.00', executedAt: '2026-03-01T09:00:00.000Z' });
  await record(portfolioId, { type: 'buy', symbol: 'AAPL', quantity: '10', price: '150.00', executedAt: '2026-03-01T10:00:00.000Z' });
  await record(portfolioId, { type: 'buy', symbol: 'BND', quantity: '20', price: '70.00', executedAt: '2026-03-02T10:00:00.000Z' });
  return portfolioId;
}

verifyPactsFor(test, {
  provider: 'gateway',
  async start(_dbPath, dbPathFor) {
    stack = await startStack(dbPathFor);
    return {
      baseUrl: stack.gatewayUrl,
      async reset() {
        accessToken = undefined;
        await stack.reset();
      },
      close: () => stack.close(),
    };
  },
  stateHandlers: {
    'no user is registered with the email': async () => undefined,
    'a user with the email and password exists': async (params) => {
      const { email, password } = params as { email: string; password: string };
      await register(email, password);
      accessToken = undefined;
    },
    'a user is logged in': async () => {
      const { refreshToken } = await loggedInUser();
      return { refreshToken };
    },
    'a logged-in user has a portfolio': async (params) => {
      await loggedInUser();
      return { portfolioId: await portfolioNamed((params as { name: string }).name) };
    },
    'a logged-in user has a portfolio with cash and holdings': async () => {
      await loggedInUser();
      return { portfolioId: await portfolioWithCashAndHoldings() };
    },
    'a logged-in user has a portfolio with cash and holdings and a cursor after its newest buy': async () => {
      await loggedInUser();
      const portfolioId = await portfolioWithCashAndHoldings();
      const page = await call(`${stack.urls.transaction}/transactions?portfolioId=${portfolioId}&type=buy&limit=1`, 'GET');
      return { portfolioId, cursor: page.nextCursor };
    },
    'a logged-in user has recorded a deposit with an idempotency key': async (params) => {
      const { idempotencyKey, amount } = params as { idempotencyKey: string; amount: string };
      await loggedInUser();
      const portfolioId = await portfolioNamed('Growth');
      const recorded = await record(portfolioId, { type: 'deposit', amount }, idempotencyKey);
      return { portfolioId, transactionId: recorded.id };
    },
    'a logged-in user has a pending deposit (the portfolio service is down)': async () => {
      await loggedInUser();
      const portfolioId = await portfolioNamed('Core');
      await stack.portfolioDown();
      const recorded = await record(portfolioId, { type: 'deposit', amount: '250.00' });
      return { portfolioId, transactionId: recorded.id };
    },
    'a user with the email has failed to log in five times': async (params) => {
      const { email, password } = params as { email: string; password: string };
      await register(email, password);
      for (let i = 0; i < 5; i++) {
        const response = await fetch(`${stack.gatewayUrl}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: 'Wrong-Password-1' }) });
        if (response.status !== 401) throw new Error(`failed login ${i + 1} answered ${response.status}`);
      }
    },
    'a deactivated user with the email and password exists': async (params) => {
      const { email, password } = params as { email: string; password: string };
      const user = await register(email, password);
      await logIn(stack.admin.email, stack.admin.password);
      await call(`${stack.urls.auth}/auth/users/${user.id}/deactivate`, 'POST');
      accessToken = undefined;
    },
    'an admin is logged in': async () => {
      await logIn(stack.admin.email, stack.admin.password);
    },
    'an admin is logged in and another user exists': async () => {
      const other = await register(`user-${randomUUID().slice(0, 8)}@example.test`);
      await logIn(stack.admin.email, stack.admin.password);
      return { userId: other.id };
    },
    'a user is logged in and the gateway cannot reach the portfolio service': async () => {
      await loggedInUser();
      await stack.gatewayCannotReach('portfolio');
    },
    'a logged-in user has a portfolio and the gateway cannot reach the transaction service': async () => {
      await loggedInUser();
      const portfolioId = await portfolioNamed('Core');
      await stack.gatewayCannotReach('transaction');
      return { portfolioId };
    },
    'a logged-in user has a portfolio and the portfolio service is down': async () => {
      await loggedInUser();
      const portfolioId = await portfolioNamed('Core');
      await stack.portfolioDown();
      return { portfolioId };
    },
    'another user has a portfolio': async () => {
      await loggedInUser();
      const portfolioId = await portfolioNamed('Not yours');
      await loggedInUser();
      return { portfolioId };
    },
  },
  requestFilter(req, _res, next) {
    if (req.headers.authorization && accessToken) req.headers.authorization = `Bearer ${accessToken}`;
    next();
  },
});
