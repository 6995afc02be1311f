import type { Faker } from '@faker-js/faker';
import { deriveTransactionId, type TransactionResult } from '@ledgerline/transaction';
import type { ApplyTradeResult } from '@ledgerline/portfolio';
// The services' own pure code: the transaction service's input rules and the portfolio service's P/L maths.
import { parseTransactionInput, type TransactionInput } from '../../../services/transaction/src/transactions/transaction-input.ts';
import { requestHash } from '../../../services/transaction/src/transactions/idempotency.ts';
import { applyTrade, type Position, type TradeEffect } from '../../../services/portfolio/src/pnl/apply-trade.ts';
import { dec, formatAverageCost, formatMoney, formatQuantity, storeAverageCost } from '../../../services/portfolio/src/money/money.ts';
import { DAY_MS, HISTORY_DAYS, HISTORY_END, HISTORY_START, type PricePaths } from './price-paths.ts';
import { unit } from './random.ts';
import { nextTrade, openingDeposit, type PlanState, type TradeBody } from './trade-plan.ts';

/** A holding as the portfolio service stores it (decimals as TEXT). */
export interface HoldingRow {
  id: string;
  portfolio: string;
  symbol: string;
  quantity: string;
  averageCost: string;
  realizedPnl: string;
  createdAt: Date;
  updatedAt: Date;
}

export interface TransactionRow extends Omit<TransactionInput, 'executedAt'> {
  id: string;
  userId: string;
  idempotencyKey: string;
  requestHash: string;
  executedAt: Date;
  createdAt: Date;
  /** Seeded history is settled: every transaction completed on its first attempt. */
  status: 'completed';
  result: TransactionResult;
  rejection: null;
  attempts: number;
  nextAttemptAt: null;
  settledAt: Date;
}

export interface AppliedTradeRow {
  transactionId: string;
  portfolioId: string;
  type: string;
  executedAt: Date;
  result: ApplyTradeResult;
  appliedAt: Date;
}

export interface PortfolioHistory {
  cash: string;
  lastActivity: Date;
  holdings: HoldingRow[];
  transactions: TransactionRow[];
  appliedTrades: AppliedTradeRow[];
}

export interface PortfolioPlan {
  userId: string;
  portfolioId: string;
  /** Day of the history the portfolio was opened on. */
  openDay: number;
  transactions: number;
  /** The symbols it will hold (each becomes one holding row). */
  symbols: string[];
}

/** Now, as far as the transaction service's input rules are concerned (after the last seeded day). */
const VALIDATION_NOW = new Date(HISTORY_END + DAY_MS);

/** n trading instants between the opening day and the end of the history, in order (weekdays, 14:30–21:00 UTC). */
function tradingInstants(faker: Faker, openDay: number, n: number): Array<{ day: number; at: Date }> {
  const instants: Array<{ day: number; at: Date }> = [];
  for (let i = 0; i < n; i += 1) {
    let day = i === 0 ? openDay : openDay + Math.floor(unit(faker) * (HISTORY_DAYS - openDay + 1));
    const weekday = new Date(HISTORY_START + day * DAY_MS).getUTCDay();
    if (weekday === 6) day = day > 0 ? day - 1 : day + 2;
    if (weekday === 0) day = day < HISTORY_DAYS ? day + 1 : day - 2;
    const secondOfSession = Math.floor(unit(faker) * 6.5 * 3600);
    instants.push({ day, at: new Date(HISTORY_START + day * DAY_MS + (14.5 * 3600 + secondOfSession) * 1000) });
  }
  const [first, ...rest] = instants;
  return [first, ...rest.sort((a, b) => a.at.getTime() - b.at.getTime()).map((x) => (x.at < first.at ? { day: first.day, at: new Date(first.at.getTime() + 1000) } : x))];
}

/** The portfolio service's trade effect for a validated input (as its trade endpoint builds it). */
function effectOf(input: TransactionInput): TradeEffect {
  if (input.type === 'buy' || input.type === 'sell') {
    return { type: input.type, quantity: dec(input.quantity!), price: dec(input.price!), fees: dec(input.fees) };
  }
  return { type: input.type, amount: dec(input.amount!) };
}

interface StoredHolding {
  quantity: string;
  averageCost: string;
  realizedPnl: string;
  createdAt: Date;
  updatedAt: Date;
}

const positionOf = (stored: StoredHolding | undefined): Position | null =>
  stored ? { quantity: dec(stored.quantity), averageCost: dec(stored.averageCost), realizedPnl: dec(stored.realizedPnl) } : null;

/**
 * Generates one portfolio's trades in time order and applies each with the portfolio service's own P/L
 * function, storing decimals exactly as the service does, so cash, quantities, average costs and realised
 * P/L agree with the transaction history to the cent. Every trade passes the transaction service's input rules.
 */
export function buildPortfolioHistory(faker: Faker, plan: PortfolioPlan, prices: PricePaths): PortfolioHistory {
  let cash = '0.00';
  const stored = new Map<string, StoredHolding>();
  const state: PlanState = { portfolioId: plan.portfolioId, cash: 0, held: new Map(), unbought: [...plan.symbols], known: [], remaining: plan.transactions };
  const transactions: TransactionRow[] = [];
  const appliedTrades: AppliedTradeRow[] = [];
  const instants = tradingInstants(faker, plan.openDay, plan.transactions);

  for (const [index, { day, at }] of instants.entries()) {
    state.remaining = plan.transactions - index;
    const executedAt = at.toISOString();
    let body: TradeBody = index === 0 ? openingDeposit(faker, plan.portfolioId, executedAt) : nextTrade(faker, state, (symbol) => prices.priceOn(symbol, day), executedAt);
    let input = parseTransactionInput(body, VALIDATION_NOW, 0);
    let holding = input.symbol && (input.type === 'buy' || input.type === 'sell') ? stored.get(input.symbol) : undefined;
    let outcome = applyTrade({ cash: dec(cash), position: positionOf(holding) }, effectOf(input));
    if (!outcome.ok) {
      // The planner's estimate was off (e.g. fees on a tiny sale): the investor tops up instead.
      body = { portfolioId: plan.portfolioId, type: 'deposit', amount: '500.00', executedAt };
      input = parseTransactionInput(body, VALIDATION_NOW, 0);
      holding = undefined;
      outcome = applyTrade({ cash: dec(cash), position: null }, effectOf(input));
      if (!outcome.ok) throw new Error(`a deposit was refused: ${outcome.detail}`);
    }
    cash = formatMoney(outcome.cash);
    let touched: ApplyTradeResult['holding'] = null;
    if ((input.type === 'buy' || input.type === 'sell') && outcome.position) {
      const symbol = input.symbol!;
      const next: StoredHolding = {
        quantity: formatQuantity(outcome.position.quantity),
        averageCost: storeAverageCost(outcome.position.averageCost),
        realizedPnl: formatMoney(outcome.position.realizedPnl),
        createdAt: holding?.createdAt ?? at,
        updatedAt: at,
      };
      stored.set(symbol, next);
      touched = { symbol, quantity: formatQuantity(next.quantity), averageCost: formatAverageCost(next.averageCost), realizedPnl: formatMoney(next.realizedPnl) };
      const quantity = Number(next.quantity);
      if (quantity > 0) state.held.set(symbol, quantity);
      else state.held.delete(symbol);
      if (state.unbought[0] === symbol) state.unbought.shift();
      if (!state.known.includes(symbol)) state.known.push(symbol);
    }
    state.cash = Number(cash);

    const idempotencyKey = faker.string.uuid();
    const id = deriveTransactionId(plan.userId, idempotencyKey);
    const realizedPnl = outcome.realizedPnl ? formatMoney(outcome.realizedPnl) : null;
    const recordedAt = new Date(at.getTime() + 40 + Math.floor(unit(faker) * 200));
    transactions.push({
      id, userId: plan.userId, portfolioId: input.portfolioId, idempotencyKey, requestHash: requestHash(input), type: input.type, symbol: input.symbol,
      quantity: input.quantity, price: input.price, amount: input.amount, fees: input.fees, executedAt: at, createdAt: recordedAt,
      status: 'completed', result: { cash, holding: touched, realizedPnl }, rejection: null, attempts: 1, nextAttemptAt: null, settledAt: recordedAt,
    });
    appliedTrades.push({
      transactionId: id, portfolioId: plan.portfolioId, type: input.type, executedAt: at, appliedAt: new Date(recordedAt.getTime() - 20),
      result: { transactionId: id, portfolioId: plan.portfolioId, applied: true, cash, holding: touched, realizedPnl },
    });
  }

  const holdings = [...stored.entries()].map(([symbol, h]): HoldingRow => ({
    id: faker.string.uuid(), portfolio: plan.portfolioId, symbol, quantity: h.quantity, averageCost: h.averageCost, realizedPnl: h.realizedPnl, createdAt: h.createdAt, updatedAt: h.updatedAt,
  }));
  return { cash, lastActivity: instants.at(-1)!.at, holdings, transactions, appliedTrades };
}
