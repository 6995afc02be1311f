import test from 'ava';
import type { ExecutionContext } from 'ava';
import { dec, formatAverageCost, formatMoney, formatQuantity } from '../money/money.ts';
import { applyTrade, type AccountState, type TradeEffect, type TradeOutcome } from './apply-trade.ts';

const buy = (quantity: string, price: string, fees = '0'): TradeEffect => ({ type: 'buy', quantity: dec(quantity), price: dec(price), fees: dec(fees) });
const sell = (quantity: string, price: string, fees = '0'): TradeEffect => ({ type: 'sell', quantity: dec(quantity), price: dec(price), fees: dec(fees) });
const cashMove = (type: 'deposit' | 'withdrawal' | 'dividend' | 'fee', amount: string): TradeEffect => ({ type, amount: dec(amount) });

function ok(t: ExecutionContext, outcome: TradeOutcome): Extract<TradeOutcome, { ok: true }> {
  if (!outcome.ok) {
    t.fail(`refused: ${outcome.reason} ${outcome.detail}`);
    throw new Error('refused');
  }
  return outcome;
}

/** Applies effects in turn from a starting cash balance; returns the state after each. */
function run(t: ExecutionContext, cash: string, effects: TradeEffect[]) {
  let state: AccountState = { cash: dec(cash), position: null };
  const steps = effects.map((effect) => {
    const outcome = ok(t, applyTrade(state, effect));
    state = { cash: outcome.cash, position: outcome.position };
    return outcome;
  });
  return { state, steps };
}

const shown = (state: AccountState) => ({
  cash: formatMoney(state.cash),
  quantity: state.position ? formatQuantity(state.position.quantity) : null,
  averageCost: state.position ? formatAverageCost(state.position.averageCost) : null,
  realizedPnl: state.position ? formatMoney(state.position.realizedPnl) : null,
});

test('buy, buy, sell: average cost is weighted, selling realises against it and leaves it unchanged', (t) => {
  const { state, steps } = run(t, '10000.00', [buy('10', '100'), buy('5', '110'), sell('6', '120')]);
  // buy 10 @ 100: cash 10000 − 1000 = 9000.00; avg 100
  t.deepEqual(shown({ cash: steps[0].cash, position: steps[0].position }), { cash: '9000.00', quantity: '10', averageCost: '100.0000', realizedPnl: '0.00' });
  // buy 5 @ 110: cash 9000 − 550 = 8450.00; avg (10×100 + 5×110) / 15 = 1550 / 15 = 103.3333
  t.deepEqual(shown({ cash: steps[1].cash, position: steps[1].position }), { cash: '8450.00', quantity: '15', averageCost: '103.3333', realizedPnl: '0.00' });
  // sell 6 @ 120: cash 8450 + 720 = 9170.00; realised (120 − 103.3333…) × 6 = 16.6666… × 6 = 100.00; 9 left at the same avg
  t.deepEqual(shown(state), { cash: '9170.00', quantity: '9', averageCost: '103.3333', realizedPnl: '100.00' });
  t.is(formatMoney(steps[2].realizedPnl!), '100.00');
  t.is(steps[0].realizedPnl, null, 'a buy realises nothing');
});

test('partial sells realise gains and losses in turn; the total is their sum', (t) => {
  const { state, steps } = run(t, '2000.00', [buy('100', '20'), sell('30', '25'), sell('30', '18')]);
  // buy 100 @ 20: cash 2000 − 2000 = 0.00
  t.is(formatMoney(steps[0].cash), '0.00');
  // sell 30 @ 25: realised (25 − 20) × 30 = +150.00; cash 0 + 750 = 750.00
  t.is(formatMoney(steps[1].realizedPnl!), '150.00');
  // sell 30 @ 18: realised (18 − 20) × 30 = −60.00; cash 750 + 540 = 1290.00
  t.is(formatMoney(steps[2].realizedPnl!), '-60.00');
  // 40 left; realised 150 − 60 = 90.00
  t.deepEqual(shown(state), { cash: '1290.00', quantity: '40', averageCost: '20.0000', realizedPnl: '90.00' });
});

test('fees on a buy are part of the cost; fees on a sell reduce the realised P/L', (t) => {
  const { state, steps } = run(t, '1000.00', [buy('10', '50', '4.99'), sell('10', '60', '4.99')]);
  // buy 10 @ 50 + 4.99: cash 1000 − 504.99 = 495.01; avg 504.99 / 10 = 50.499
  t.deepEqual(shown({ cash: steps[0].cash, position: steps[0].position }), { cash: '495.01', quantity: '10', averageCost: '50.4990', realizedPnl: '0.00' });
  // sell 10 @ 60 − 4.99: cash 495.01 + 595.01 = 1090.02; realised (60 − 50.499) × 10 − 4.99 = 95.01 − 4.99 = 90.02
  // check: money out 504.99, money in 595.01 → 90.02 gained
  t.deepEqual(shown(state), { cash: '1090.02', quantity: '0', averageCost: '50.4990', realizedPnl: '90.02' });
});

test('a closed position keeps its realised P/L; buying again starts a fresh average cost', (t) => {
  const { state } = run(t, '1000.00', [buy('2', '100'), sell('2', '150'), buy('1', '80')]);
  // buy 2 @ 100: cash 800; sell 2 @ 150: cash 1100, realised (150 − 100) × 2 = 100.00, quantity 0
  // buy 1 @ 80: cash 1020.00; avg (0 × 100 + 1 × 80) / 1 = 80
  t.deepEqual(shown(state), { cash: '1020.00', quantity: '1', averageCost: '80.0000', realizedPnl: '100.00' });
});

test('deposits and dividends add cash; withdrawals and fees take it; none touch the position or realise P/L', (t) => {
  const { state, steps } = run(t, '0.00', [cashMove('deposit', '500.00'), buy('1', '100'), cashMove('dividend', '12.34'), cashMove('withdrawal', '200.50'), cashMove('fee', '1.25')]);
  // 0 + 500 − 100 + 12.34 − 200.50 − 1.25 = 210.59
  t.is(formatMoney(state.cash), '210.59');
  t.deepEqual(shown(state), { cash: '210.59', quantity: '1', averageCost: '100.0000', realizedPnl: '0.00' });
  for (const index of [0, 2, 3, 4]) t.is(steps[index].realizedPnl, null);
});

test('fractional quantities: 0.123456 shares are bought, part sold, and rounded to the cent once per trade', (t) => {
  const { state, steps } = run(t, '100.00', [buy('0.123456', '101.2345'), sell('0.023456', '110.5')]);
  // buy: 0.123456 × 101.2345 = 12.4980064320 → 12.50; cash 100 − 12.50 = 87.50; avg 101.2345
  t.deepEqual(shown({ cash: steps[0].cash, position: steps[0].position }), { cash: '87.50', quantity: '0.123456', averageCost: '101.2345', realizedPnl: '0.00' });
  // sell: 0.023456 × 110.5 = 2.591888 → 2.59; cash 87.50 + 2.59 = 90.09
  // realised (110.5 − 101.2345) × 0.023456 = 9.2655 × 0.023456 = 0.217331568 → 0.22
  t.is(formatMoney(steps[1].realizedPnl!), '0.22');
  t.deepEqual(shown(state), { cash: '90.09', quantity: '0.1', averageCost: '101.2345', realizedPnl: '0.22' });
});

test('rounding: a half cent goes to the even cent, once per transaction', (t) => {
  // 0.5 × 0.25 = 0.125 → 0.12 (2 is even: the half goes down); 1.5 × 0.09 = 0.135 → 0.14 (3 is odd: up)
  const first = ok(t, applyTrade({ cash: dec('1.00'), position: null }, buy('0.5', '0.25')));
  t.is(formatMoney(first.cash), '0.88');
  const second = ok(t, applyTrade({ cash: dec('1.00'), position: null }, buy('1.5', '0.09')));
  t.is(formatMoney(second.cash), '0.86');
  // avg of 3 @ 10 + 1.00 fee = 31 / 3 = 10.3333…; selling 1 @ 12 realises 1.6666… → 1.67
  const bought = ok(t, applyTrade({ cash: dec('31.00'), position: null }, buy('3', '10', '1.00')));
  t.is(formatMoney(bought.cash), '0.00', 'exactly all the cash may be spent');
  const sold = ok(t, applyTrade({ cash: bought.cash, position: bought.position }, sell('1', '12')));
  t.is(formatMoney(sold.realizedPnl!), '1.67');
});

test('selling more than is held, or anything not held, is refused', (t) => {
  const held = ok(t, applyTrade({ cash: dec('1000'), position: null }, buy('5', '10')));
  const over = applyTrade({ cash: held.cash, position: held.position }, sell('5.000001', '10'));
  t.like(over, { ok: false, reason: 'insufficient_quantity' });
  t.like(applyTrade({ cash: dec('1000'), position: null }, sell('1', '10')), { ok: false, reason: 'insufficient_quantity' });
  t.like(applyTrade({ cash: held.cash, position: held.position }, sell('5', '10')), { ok: true });
});

test('cash never goes negative: buys, withdrawals, fees and fee-heavy sells beyond it are refused', (t) => {
  // 1 × 100 + 0.01 fee = 100.01 > 100.00
  t.like(applyTrade({ cash: dec('100.00'), position: null }, buy('1', '100', '0.01')), { ok: false, reason: 'insufficient_cash' });
  t.like(applyTrade({ cash: dec('100.00'), position: null }, buy('1', '99.99', '0.01')), { ok: true });
  t.like(applyTrade({ cash: dec('50.00'), position: null }, cashMove('withdrawal', '50.01')), { ok: false, reason: 'insufficient_cash' });
  t.like(applyTrade({ cash: dec('50.00'), position: null }, cashMove('fee', '50.01')), { ok: false, reason: 'insufficient_cash' });
  t.like(applyTrade({ cash: dec('50.00'), position: null }, cashMove('withdrawal', '50.00')), { ok: true });
  // selling 1 @ 1 with a 5.00 fee nets −4.00, which 0.00 in cash cannot pay
  const position = { quantity: dec('1'), averageCost: dec('1'), realizedPnl: dec('0') };
  t.like(applyTrade({ cash: dec('0.00'), position }, sell('1', '1', '5.00')), { ok: false, reason: 'insufficient_cash' });
});
