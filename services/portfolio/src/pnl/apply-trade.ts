import { D, roundMoney, STORED_AVERAGE_COST_DP, type Dec } from '../money/money.ts';

/** A position in one instrument. Quantity may be 0 (a closed position keeps its realised P/L). */
export interface Position {
  quantity: Dec;
  /** Full internal precision (10 dp); shown with 4 dp. */
  averageCost: Dec;
  /** Money, 2 dp: the sum of every sale's rounded realised P/L. */
  realizedPnl: Dec;
}

export interface AccountState {
  cash: Dec;
  /** The position in the trade's instrument, or null when there is none yet. */
  position: Position | null;
}

export type TradeEffect =
  | { type: 'buy' | 'sell'; quantity: Dec; price: Dec; fees: Dec }
  | { type: 'deposit' | 'withdrawal' | 'dividend' | 'fee'; amount: Dec };

export type TradeRefusal = 'insufficient_cash' | 'insufficient_quantity';

export type TradeOutcome =
  | { ok: true; cash: Dec; position: Position | null; realizedPnl: Dec | null }
  | { ok: false; reason: TradeRefusal; detail: string };

const ZERO = new D(0);

function refuseCash(cash: Dec, needed: Dec): TradeOutcome {
  return { ok: false, reason: 'insufficient_cash', detail: `Cash ${cash.toFixed(2)} is not enough: ${needed.toFixed(2)} is needed.` };
}

function buy(state: AccountState, quantity: Dec, price: Dec, fees: Dec): TradeOutcome {
  const cost = roundMoney(quantity.times(price).plus(fees));
  const cash = state.cash.minus(cost);
  if (cash.lt(0)) return refuseCash(state.cash, cost);
  const held = state.position ?? { quantity: ZERO, averageCost: ZERO, realizedPnl: ZERO };
  const newQuantity = held.quantity.plus(quantity);
  // averageCost = (oldQty × oldAvg + qty × price + fees) / newQty: fees on a buy are part of the cost.
  const averageCost = held.quantity.times(held.averageCost).plus(quantity.times(price)).plus(fees)
    .div(newQuantity).toDecimalPlaces(STORED_AVERAGE_COST_DP);
  return { ok: true, cash, position: { quantity: newQuantity, averageCost, realizedPnl: held.realizedPnl }, realizedPnl: null };
}

function sell(state: AccountState, quantity: Dec, price: Dec, fees: Dec): TradeOutcome {
  const held = state.position;
  const heldQuantity = held?.quantity ?? ZERO;
  if (!held || quantity.gt(heldQuantity)) {
    return { ok: false, reason: 'insufficient_quantity', detail: `Cannot sell ${quantity.toFixed()}: only ${heldQuantity.toFixed()} held.` };
  }
  const proceeds = roundMoney(quantity.times(price).minus(fees));
  const cash = state.cash.plus(proceeds);
  if (cash.lt(0)) return refuseCash(state.cash, proceeds.negated());
  // Realised P/L of this sale: (price − averageCost) × qty − fees; averageCost itself does not change.
  const realized = roundMoney(price.minus(held.averageCost).times(quantity).minus(fees));
  return {
    ok: true,
    cash,
    position: { quantity: heldQuantity.minus(quantity), averageCost: held.averageCost, realizedPnl: held.realizedPnl.plus(realized) },
    realizedPnl: realized,
  };
}

/**
 * Applies one trade or cash movement to a portfolio's cash and its position in the instrument: pure, exact,
 * and refusing (never clamping) when cash would go negative or more would be sold than is held.
 * Cash movements are rounded to the cent (half to even) once per transaction.
 */
export function applyTrade(state: AccountState, effect: TradeEffect): TradeOutcome {
  switch (effect.type) {
    case 'buy':
      return buy(state, effect.quantity, effect.price, effect.fees);
    case 'sell':
      return sell(state, effect.quantity, effect.price, effect.fees);
    case 'deposit':
    case 'dividend':
      return { ok: true, cash: state.cash.plus(effect.amount), position: state.position, realizedPnl: null };
    case 'withdrawal':
    case 'fee': {
      const cash = state.cash.minus(effect.amount);
      if (cash.lt(0)) return refuseCash(state.cash, effect.amount);
      return { ok: true, cash, position: state.position, realizedPnl: null };
    }
  }
}
