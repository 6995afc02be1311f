/**
 * Test support for the transaction service's unit tests (imported only by *.test.ts files).
 * Each call builds the real app on its own fresh in-memory database, with real tokens and a fake portfolio.
 */
import { randomUUID } from 'node:crypto';
import { Decimal } from 'decimal.js';
import { generateSigningKey, localKeys, toJwks, TRANSACTION_TO_PORTFOLIO, verifyOnBehalfOfToken, type KeyResolver, type SigningKey } from '@ledgerline/auth-tokens';
import { AppError, conflict, notFound, type FieldError } from '@ledgerline/http-kit';
import type { ApplyTradeRequest, ApplyTradeResult, CallContext, PortfolioClient, TradeHolding } from '@ledgerline/portfolio-client';
import { createTestApp, createTestTokenIssuer, type Teardown, type TestApp, type TestTokenIssuer } from '@ledgerline/test-kit';
import { createApp, type TransactionApp } from './app.ts';
import type { TransactionSettings } from './deps.ts';
import { transactionEntities } from './entities.ts';
import { money, quantity } from './shared/decimal.ts';

interface FakeHolding {
  quantity: Decimal;
  averageCost: Decimal;
  realizedPnl: Decimal;
}

interface FakePortfolio {
  ownerId: string;
  cash: Decimal;
  holdings: Map<string, FakeHolding>;
}

/** What the next call should run into instead of a normal answer. */
export type PlannedFailure =
  | { kind: 'refuse'; error: AppError }
  | { kind: 'down' }
  | { kind: 'timeout'; afterApply?: boolean };

export const DEFAULT_SYMBOLS = ['AAPL', 'MSFT', 'VWRL', 'BRK.B', 'NESN'];

/** The same errors HttpPortfolioClient throws when the real service is down or slow. */
export const portfolioDown = () => new AppError(503, 'portfolio_unavailable', 'Service unavailable', { detail: 'The portfolio service is unavailable.' });
export const portfolioTimeout = () => new AppError(504, 'portfolio_timeout', 'Gateway timeout', { detail: 'The portfolio service did not answer within 3000 ms.' });

/**
 * An in-memory portfolio service with the agreed semantics (cash, holdings, average cost, realised P/L,
 * idempotency by transactionId, owner-only, the status read), which records every call and can be told to fail.
 * Like the real internal API it accepts only the transaction service's on-behalf-of tokens, verified against
 * `serviceKeys` (the transaction app's own key), and acts for the token's user only.
 */
export class FakePortfolioClient implements PortfolioClient {
  /** Every apply, in order (replays included). */
  readonly calls: Array<{ request: ApplyTradeRequest; ctx: CallContext }> = [];
  /** Every status read, in order. */
  readonly statusCalls: Array<{ transactionId: string; ctx: CallContext }> = [];
  readonly symbols = new Set(DEFAULT_SYMBOLS);
  readonly #portfolios = new Map<string, FakePortfolio>();
  readonly #applied = new Map<string, ApplyTradeResult>();
  readonly #planned: PlannedFailure[] = [];
  readonly #waiters: Array<{ calls: number; resolve: () => void }> = [];
  readonly #statusWaiters: Array<{ calls: number; resolve: () => void }> = [];
  #gate: Promise<void> | undefined;
  readonly #serviceKeys: KeyResolver;
  readonly #clock: () => Date;

  /** `clock`: the time tokens are checked at (the app's clock). */
  constructor(serviceKeys: KeyResolver, clock: () => Date = () => new Date()) {
    this.#serviceKeys = serviceKeys;
    this.#clock = clock;
  }

  /** The user the call is made for: a verified on-behalf-of token of the transaction service, else 401. */
  async #caller(ctx: CallContext): Promise<string> {
    return (await verifyOnBehalfOfToken(ctx.accessToken, this.#serviceKeys, TRANSACTION_TO_PORTFOLIO, this.#clock)).userId;
  }

  /** Opens a portfolio for a user with some cash; returns its id. */
  addPortfolio(ownerId: string, cash = '0.00'): string {
    const id = randomUUID();
    this.#portfolios.set(id, { ownerId, cash: new Decimal(cash), holdings: new Map() });
    return id;
  }

  /** The next call (an apply or a status read) fails as planned (plans queue up in order). */
  failNext(failure: PlannedFailure): void {
    this.#planned.push(failure);
  }

  /** Holds every call (before it is applied) until the returned function is called. */
  hold(): () => void {
    let release = () => {};
    this.#gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    return () => {
      this.#gate = undefined;
      release();
    };
  }

  /** Resolves once `count` status reads have arrived. */
  whenStatusAsked(count: number): Promise<void> {
    if (this.statusCalls.length >= count) return Promise.resolve();
    return new Promise((resolve) => this.#statusWaiters.push({ calls: count, resolve }));
  }

  /** Resolves once `count` calls have arrived. */
  whenCalled(count: number): Promise<void> {
    if (this.calls.length >= count) return Promise.resolve();
    return new Promise((resolve) => this.#waiters.push({ calls: count, resolve }));
  }

  /** How many distinct transactions were really applied (replays excluded). */
  get appliedCount(): number {
    return this.#applied.size;
  }

  cashOf(portfolioId: string): string {
    return money(this.#portfolio(portfolioId).cash);
  }

  async applyTrade(request: ApplyTradeRequest, ctx: CallContext): Promise<ApplyTradeResult> {
    this.calls.push({ request: { ...request }, ctx: { ...ctx } });
    const userId = await this.#arrive(this.#waiters, this.calls.length, ctx);
    // a timeout with afterApply: applied, but the answer never arrived
    await this.#failAsPlanned((failure) => (failure.afterApply ? this.#apply(request, userId) : undefined));
    return this.#apply(request, userId);
  }

  async tradeStatus(transactionId: string, ctx: CallContext): Promise<ApplyTradeResult | null> {
    this.statusCalls.push({ transactionId, ctx: { ...ctx } });
    const userId = await this.#arrive(this.#statusWaiters, this.statusCalls.length, ctx);
    await this.#failAsPlanned();
    const applied = this.#applied.get(transactionId);
    if (!applied || this.#portfolios.get(applied.portfolioId)?.ownerId !== userId) return null;
    return { ...applied, applied: false };
  }

  /** A call arrived: wake whoever waits for it, wait while held, then check who it is for. */
  async #arrive(waiters: Array<{ calls: number; resolve: () => void }>, count: number, ctx: CallContext): Promise<string> {
    for (const waiter of waiters.filter((w) => w.calls <= count)) waiter.resolve();
    if (this.#gate) await this.#gate;
    return this.#caller(ctx);
  }

  /** Throws the next planned failure, if any (`beforeTimeout` runs first for a timeout). */
  async #failAsPlanned(beforeTimeout?: (failure: { afterApply?: boolean }) => Promise<unknown> | undefined): Promise<void> {
    const failure = this.#planned.shift();
    if (failure?.kind === 'refuse') throw failure.error;
    if (failure?.kind === 'down') throw portfolioDown();
    if (failure?.kind === 'timeout') {
      await beforeTimeout?.(failure);
      throw portfolioTimeout();
    }
  }

  async #apply(request: ApplyTradeRequest, userId: string): Promise<ApplyTradeResult> {
    const portfolio = this.#portfolios.get(request.portfolioId);
    if (!portfolio || portfolio.ownerId !== userId) throw notFound('Portfolio');
    const before = this.#applied.get(request.transactionId);
    if (before) {
      if (before.portfolioId !== request.portfolioId) throw conflict('transaction_id_conflict', 'This transaction id was applied to another portfolio.');
      return { ...before, applied: false };
    }
    if (request.symbol && !this.symbols.has(request.symbol)) {
      const errors: FieldError[] = [{ field: 'symbol', code: 'unknown_symbol', message: `Unknown symbol ${request.symbol}.` }];
      throw new AppError(422, 'unknown_symbol', 'Validation failed', { detail: 'The symbol is not a known instrument.', errors });
    }
    const realizedPnl = this.#applyTo(portfolio, request);
    const held = request.symbol ? portfolio.holdings.get(request.symbol) : undefined;
    const holding: TradeHolding | null = held && request.symbol
      ? { symbol: request.symbol, quantity: quantity(held.quantity), averageCost: held.averageCost.toFixed(4, Decimal.ROUND_HALF_EVEN), realizedPnl: money(held.realizedPnl) }
      : null;
    const result: ApplyTradeResult = {
      transactionId: request.transactionId, portfolioId: request.portfolioId, applied: true, cash: money(portfolio.cash), holding, realizedPnl,
    };
    this.#applied.set(request.transactionId, result);
    return result;
  }

  /** The agreed semantics; returns the realised P/L of a sell (else null). */
  #applyTo(portfolio: FakePortfolio, request: ApplyTradeRequest): string | null {
    const fees = new Decimal(request.fees ?? '0');
    const amount = new Decimal(request.amount ?? '0');
    const qty = new Decimal(request.quantity ?? '0');
    const price = new Decimal(request.price ?? '0');
    const symbol = request.symbol ?? '';
    switch (request.type) {
      case 'deposit':
      case 'dividend':
        portfolio.cash = portfolio.cash.plus(amount);
        return null;
      case 'withdrawal':
      case 'fee':
        this.#spend(portfolio, amount, 'amount');
        return null;
      case 'buy': {
        const cost = qty.times(price).plus(fees);
        this.#spend(portfolio, new Decimal(money(cost)), 'quantity');
        const held = portfolio.holdings.get(symbol) ?? { quantity: new Decimal(0), averageCost: new Decimal(0), realizedPnl: new Decimal(0) };
        const newQty = held.quantity.plus(qty);
        held.averageCost = held.quantity.times(held.averageCost).plus(cost).dividedBy(newQty);
        held.quantity = newQty;
        portfolio.holdings.set(symbol, held);
        return null;
      }
      case 'sell': {
        const held = portfolio.holdings.get(symbol);
        if (!held || held.quantity.lessThan(qty)) {
          throw conflict('insufficient_quantity', `Cannot sell more than held (${quantity(held?.quantity ?? 0)} ${symbol}).`, [
            { field: 'quantity', code: 'insufficient_quantity', message: 'More than the portfolio holds.' },
          ]);
        }
        const pnl = new Decimal(money(price.minus(held.averageCost).times(qty).minus(fees)));
        held.quantity = held.quantity.minus(qty);
        held.realizedPnl = held.realizedPnl.plus(pnl);
        portfolio.cash = portfolio.cash.plus(money(qty.times(price).minus(fees)));
        return money(pnl);
      }
    }
  }

  #spend(portfolio: FakePortfolio, amount: Decimal, field: string): void {
    if (portfolio.cash.lessThan(amount)) {
      throw conflict('insufficient_cash', `Not enough cash (${money(portfolio.cash)} available).`, [
        { field, code: 'insufficient_cash', message: 'The portfolio does not have enough cash.' },
      ]);
    }
    portfolio.cash = portfolio.cash.minus(amount);
  }

  #portfolio(id: string): FakePortfolio {
    const portfolio = this.#portfolios.get(id);
    if (!portfolio) throw new Error(`no fake portfolio ${id}`);
    return portfolio;
  }
}

/** A signed-in user of the app under test. */
export interface TestUser {
  userId: string;
  accessToken: string;
  /** `Bearer <token>`, ready for `.set('authorization', …)`. */
  auth: string;
}

export interface TransactionTestApp extends TestApp<TransactionApp> {
  portfolio: FakePortfolioClient;
  /** The transaction service's own key (signs its on-behalf-of tokens). */
  signingKey: SigningKey;
  issuer: TestTokenIssuer;
  /** A new user with a real access token (signed with the test key, valid at the test clock's time). */
  signIn(): Promise<TestUser>;
  /** A new user who owns one portfolio in the fake with `cash`. */
  signInWithPortfolio(cash?: string): Promise<TestUser & { portfolioId: string }>;
  /** POST /transactions as `user`, with an Idempotency-Key when one is given. */
  record(user: TestUser, body: Record<string, unknown>, idempotencyKey?: string): ReturnType<ReturnType<TestApp<TransactionApp>['http']['post']>['send']>;
}

/** The real transaction app on a fresh in-memory database, with a fake portfolio client. */
export async function createTransactionTestApp(t: Teardown, settings: Partial<TransactionSettings> = {}): Promise<TransactionTestApp> {
  const issuer = await createTestTokenIssuer();
  const signingKey = await generateSigningKey();
  let now = () => new Date();
  const portfolio = new FakePortfolioClient(localKeys(toJwks([signingKey])), () => now());
  const base = await createTestApp(t, transactionEntities, ({ orm, logger, clock }) =>
    createApp({ orm, logger, clock: clock.now, keys: localKeys(issuer.jwks), signingKey, portfolio, settings }),
  );
  now = base.clock.now;
  const signIn = async (): Promise<TestUser> => {
    const userId = randomUUID();
    const accessToken = await issuer.token({ userId, now: base.clock.now() });
    return { userId, accessToken, auth: `Bearer ${accessToken}` };
  };
  return {
    ...base,
    portfolio,
    signingKey,
    issuer,
    signIn,
    async signInWithPortfolio(cash = '10000.00') {
      const user = await signIn();
      return { ...user, portfolioId: portfolio.addPortfolio(user.userId, cash) };
    },
    record(user, body, idempotencyKey) {
      const request = base.http.post('/transactions').set('authorization', user.auth);
      if (idempotencyKey !== undefined) request.set('idempotency-key', idempotencyKey);
      return request.send(body);
    },
  };
}
