import type { Faker } from '@faker-js/faker';
import type { ApplyTradeRequest } from '@ledgerline/portfolio-client';
import { logNormal, unit } from './random.ts';

/** A POST /transactions body as a client would send it (decimals as strings): the trade API's fields. */
export type TradeBody = Omit<ApplyTradeRequest, 'transactionId'>;

/** What the planner knows about the portfolio right now (numbers are estimates; the P/L maths decides). */
export interface PlanState {
  portfolioId: string;
  cash: number;
  /** Open quantity per symbol (> 0 only). */
  held: Map<string, number>;
  /** Symbols this portfolio will come to hold but has not bought yet. */
  unbought: string[];
  /** Symbols it has held at some point (bought again later). */
  known: string[];
  /** Events still to come, this one included. */
  remaining: number;
}

const FEES = [
  { weight: 62, value: '0.00' },
  { weight: 14, value: '0.99' },
  { weight: 16, value: '4.95' },
  { weight: 8, value: '9.99' },
];

const money = (value: number) => (Math.floor(value * 100) / 100).toFixed(2);

/** A first deposit that funds a new portfolio. */
export function openingDeposit(faker: Faker, portfolioId: string, executedAt: string): TradeBody {
  return { portfolioId, type: 'deposit', amount: money(Math.min(2_000_000, Math.max(1000, logNormal(faker, 25_000, 1.0)))), executedAt };
}

function deposit(faker: Faker, state: PlanState, executedAt: string): TradeBody {
  return { portfolioId: state.portfolioId, type: 'deposit', amount: money(Math.min(250_000, Math.max(50, logNormal(faker, 2_000, 0.9)))), executedAt };
}

function buy(faker: Faker, state: PlanState, symbol: string, price: string, executedAt: string): TradeBody {
  const budget = state.cash * (0.03 + unit(faker) * 0.22);
  const perShare = Number(price);
  const whole = Math.floor(budget / perShare);
  const quantity = whole >= 1 ? String(whole) : (Math.floor((budget / perShare) * 1000) / 1000).toFixed(3);
  const fees = faker.helpers.weightedArrayElement(FEES);
  if (Number(quantity) <= 0 || Number(quantity) * perShare + Number(fees) > state.cash) return deposit(faker, state, executedAt);
  return { portfolioId: state.portfolioId, type: 'buy', symbol, quantity, price, fees, executedAt };
}

function sell(faker: Faker, state: PlanState, symbol: string, price: string, executedAt: string): TradeBody {
  const held = state.held.get(symbol)!;
  const fraction = unit(faker) < 0.2 ? 1 : 0.1 + unit(faker) * 0.6;
  const integral = Number.isInteger(held);
  let quantity = integral ? Math.max(1, Math.floor(held * fraction)) : Math.max(0.001, Math.floor(held * fraction * 1000) / 1000);
  if (fraction === 1 || quantity > held) quantity = held;
  const fees = faker.helpers.weightedArrayElement(FEES);
  return { portfolioId: state.portfolioId, type: 'sell', symbol, quantity: String(Number(quantity.toFixed(6))), price, fees, executedAt };
}

/**
 * The investor's next move, in realistic proportions: mostly buys (new positions early on, then adding to
 * existing ones), sells, dividends on what is held, deposits, withdrawals and fees — each sized so the
 * portfolio service would accept it (enough cash, never selling more than is held).
 */
export function nextTrade(faker: Faker, state: PlanState, priceOf: (symbol: string) => string, executedAt: string): TradeBody {
  const mustOpen = state.unbought.length > 0 && state.unbought.length * 2 >= state.remaining;
  const type = mustOpen ? 'buy' : faker.helpers.weightedArrayElement<TradeBody['type']>([
    { weight: 40, value: 'buy' },
    { weight: 17, value: 'sell' },
    { weight: 15, value: 'dividend' },
    { weight: 12, value: 'deposit' },
    { weight: 8, value: 'withdrawal' },
    { weight: 8, value: 'fee' },
  ]);
  const heldSymbols = [...state.held.keys()];
  switch (type) {
    case 'buy': {
      const opening = state.unbought.length > 0 && (mustOpen || !state.known.length || unit(faker) < 0.5);
      const symbol = opening ? state.unbought[0] : faker.helpers.arrayElement(state.known);
      return buy(faker, state, symbol, priceOf(symbol), executedAt);
    }
    case 'sell': {
      if (!heldSymbols.length) return deposit(faker, state, executedAt);
      const symbol = faker.helpers.arrayElement(heldSymbols);
      return sell(faker, state, symbol, priceOf(symbol), executedAt);
    }
    case 'dividend': {
      if (!heldSymbols.length) return deposit(faker, state, executedAt);
      const symbol = faker.helpers.arrayElement(heldSymbols);
      const amount = Math.max(0.01, state.held.get(symbol)! * Number(priceOf(symbol)) * (0.002 + unit(faker) * 0.006));
      return { portfolioId: state.portfolioId, type: 'dividend', symbol, amount: money(amount), executedAt };
    }
    case 'withdrawal': {
      if (state.cash < 200) return deposit(faker, state, executedAt);
      return { portfolioId: state.portfolioId, type: 'withdrawal', amount: money(state.cash * (0.05 + unit(faker) * 0.25)), executedAt };
    }
    case 'fee': {
      const amount = 1 + unit(faker) * 24;
      if (state.cash < amount) return deposit(faker, state, executedAt);
      return { portfolioId: state.portfolioId, type: 'fee', amount: money(amount), executedAt };
    }
    default:
      return deposit(faker, state, executedAt);
  }
}
