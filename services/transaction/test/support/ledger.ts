/**
 * A user of a running system (system kit), through the gateway's public API only, and the check the partial-failure
 * tests end with: the portfolio's cash and holdings equal what the user's transaction history says.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Decimal } from 'decimal.js';

export interface Trade {
  type: 'buy' | 'sell' | 'deposit' | 'withdrawal' | 'dividend' | 'fee';
  symbol?: string;
  quantity?: string;
  price?: string;
  amount?: string;
  fees?: string;
}

interface Listed extends Required<Pick<Trade, 'type'>> {
  id: string;
  status: 'pending' | 'completed' | 'rejected';
  symbol: string | null;
  quantity: string | null;
  price: string | null;
  amount: string | null;
  fees: string;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON of several shapes, read field by field below
type Json = any;

async function call(url: string, init: RequestInit & { token?: string } = {}): Promise<{ status: number; body: Json }> {
  const headers = { 'content-type': 'application/json', ...(init.token ? { authorization: `Bearer ${init.token}` } : {}), ...(init.headers as Record<string, string>) };
  const response = await fetch(url, { ...init, headers, signal: init.signal ?? AbortSignal.timeout(20_000) });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

/** Registers a new user, logs in and opens a portfolio; everything goes through the gateway. */
export async function newInvestor(gatewayUrl: string) {
  const api = `${gatewayUrl}/api/v1`;
  const email = `investor-${randomUUID().slice(0, 8)}@example.test`;
  const password = 'Blue-Harbour-Lamp-7';
  const registered = await call(`${api}/auth/register`, {
    method: 'POST',
    body: JSON.stringify({ email, password, fullName: 'Ada Lovelace', investmentProfile: { riskTolerance: 'moderate', horizonYears: 10, goals: ['retirement'] } }),
  });
  if (registered.status !== 201) throw new Error(`register: ${registered.status} ${JSON.stringify(registered.body)}`);
  const login = await call(`${api}/auth/login`, { method: 'POST', body: JSON.stringify({ email, password }) });
  const token = login.body.accessToken as string;
  const portfolio = await call(`${api}/portfolios`, { method: 'POST', token, body: JSON.stringify({ name: 'Resilience', baseCurrency: 'USD' }) });
  if (portfolio.status !== 201) throw new Error(`portfolio: ${portfolio.status} ${JSON.stringify(portfolio.body)}`);
  const portfolioId = portfolio.body.id as string;

  return {
    portfolioId,
    /** POST /transactions with a fresh Idempotency-Key (one attempt: the tests never retry). */
    record: (trade: Trade, signal?: AbortSignal) =>
      call(`${api}/transactions`, { method: 'POST', token, signal, headers: { 'idempotency-key': randomUUID() }, body: JSON.stringify({ portfolioId, ...trade }) }),
    cash: async () => (await call(`${api}/portfolios/${portfolioId}`, { token })).body.cash as string,
    /** The portfolio service's view: cash and the quantity of every holding. */
    async positions(): Promise<{ cash: string; holdings: Record<string, string> }> {
      const holdings = await call(`${api}/portfolios/${portfolioId}/holdings`, { token });
      const rows = (holdings.body.items as Array<{ symbol: string; quantity: string }>).filter((row) => !new Decimal(row.quantity).isZero());
      return { cash: await this.cash(), holdings: Object.fromEntries(rows.map((row) => [row.symbol, new Decimal(row.quantity).toString()])) };
    },
    /** The transaction service's view: every transaction in the history, in any status, all pages. */
    async history(): Promise<Listed[]> {
      const items: Listed[] = [];
      let cursor: string | null = null;
      do {
        const query: string = `portfolioId=${portfolioId}&status=pending,completed,rejected&limit=100${cursor ? `&cursor=${cursor}` : ''}`;
        const page = await call(`${api}/transactions?${query}`, { token });
        items.push(...(page.body.items as Listed[]));
        cursor = page.body.nextCursor;
      } while (cursor);
      return items;
    },
  };
}

export type Investor = Awaited<ReturnType<typeof newInvestor>>;

/** Cash and holdings as the completed transactions of a history add up to (the agreed rules, money rounded half-even). */
export function positionsFromHistory(history: Listed[]): { cash: string; holdings: Record<string, string> } {
  const money = (value: Decimal) => value.toDecimalPlaces(2, Decimal.ROUND_HALF_EVEN);
  let cash = new Decimal(0);
  const held = new Map<string, Decimal>();
  for (const tx of history.filter((item) => item.status === 'completed')) {
    const amount = new Decimal(tx.amount ?? 0);
    const fees = new Decimal(tx.fees ?? 0);
    const gross = money(new Decimal(tx.quantity ?? 0).times(tx.price ?? 0));
    if (tx.type === 'deposit' || tx.type === 'dividend') cash = cash.plus(amount);
    if (tx.type === 'withdrawal' || tx.type === 'fee') cash = cash.minus(amount);
    if (tx.type === 'buy') cash = cash.minus(gross).minus(fees);
    if (tx.type === 'sell') cash = cash.plus(gross).minus(fees);
    if (tx.type === 'buy' || tx.type === 'sell') {
      const sign = tx.type === 'buy' ? 1 : -1;
      held.set(tx.symbol!, (held.get(tx.symbol!) ?? new Decimal(0)).plus(new Decimal(tx.quantity!).times(sign)));
    }
  }
  const holdings = Object.fromEntries([...held].filter(([, quantity]) => !quantity.isZero()).map(([symbol, quantity]) => [symbol, quantity.toString()]));
  return { cash: cash.toFixed(2), holdings };
}

/**
 * Polls (no fixed sleeps) until nothing in the investor's history is pending and the portfolio's cash and holdings
 * equal what the history adds up to; throws with both views after `withinMs`.
 */
export async function converged(investor: Investor, withinMs: number): Promise<{ cash: string; holdings: Record<string, string>; history: Listed[] }> {
  const deadline = Date.now() + withinMs;
  for (;;) {
    const history = await investor.history();
    const actual = await investor.positions();
    const expected = positionsFromHistory(history);
    const pending = history.filter((item) => item.status === 'pending').length;
    if (!pending && JSON.stringify(actual) === JSON.stringify(expected)) return { ...actual, history };
    if (Date.now() > deadline) {
      throw new Error(`not converged within ${withinMs} ms: pending ${pending}; portfolio ${JSON.stringify(actual)}; history says ${JSON.stringify(expected)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Polls `check` every 25 ms until it is true; throws `what` after `withinMs`. */
export async function until(what: string, check: () => boolean | Promise<boolean>, withinMs = 15_000): Promise<void> {
  const deadline = Date.now() + withinMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/**
 * Bytes that arrived on an established TCP connection to `port` on 127.0.0.1 and were not read yet (Linux
 * /proc/net/tcp): with the server paused, this tells that a request has reached it.
 */
export function unreadBytesAt(port: number): number {
  const local = `0100007F:${port.toString(16).toUpperCase().padStart(4, '0')}`;
  let total = 0;
  for (const line of readFileSync('/proc/net/tcp', 'utf8').split('\n').slice(1)) {
    const fields = line.trim().split(/\s+/);
    if (fields[1] !== local || fields[3] !== '01') continue; // 01 = ESTABLISHED
    total += Number.parseInt(fields[4].split(':')[1], 16);
  }
  return total;
}
