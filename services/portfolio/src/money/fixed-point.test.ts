import test from 'ava';
import { Decimal } from 'decimal.js';
import { compare, fixedText, minus, parseFixed, percentText, plus, roundHalfEven, times, total, trimmedText, type Fixed } from './fixed-point.ts';

// The oracle: decimal.js at 60 significant digits, half to even (exact for every operand below).
const Oracle = Decimal.clone({ precision: 60, rounding: Decimal.ROUND_HALF_EVEN, toExpNeg: -100, toExpPos: 100 });

/** A deterministic stream of decimal strings with the shapes Ledgerline stores: signs, zeros, halves, long fractions. */
function* decimals(seed: number, count: number): Generator<string> {
  let state = seed;
  const next = (limit: number) => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state % limit;
  };
  for (let i = 0; i < count; i += 1) {
    const whole = [0, 1, 7, 99, 1234, 987654321][next(6)] + next(1000);
    const places = next(11);
    let fraction = '';
    for (let p = 0; p < places; p += 1) fraction += String(next(10));
    // every so often an exact half at some place, the case rounding gets wrong
    if (places > 1 && next(4) === 0) fraction = fraction.slice(0, -1) + '5';
    const text = places ? `${whole}.${fraction}` : String(whole);
    yield next(5) === 0 ? `-${text}` : text;
  }
}

const same = (fixed: Fixed) => new Oracle(fixedText(fixed, fixed.scale));

test('parse and write round-trip any plain decimal, and nothing else parses', (t) => {
  for (const text of decimals(1, 500)) t.true(same(parseFixed(text)).eq(new Oracle(text)), text);
  t.is(fixedText(parseFixed('-0012.50'), 2), '-12.50');
  for (const bad of ['', '1e5', '.5', '5.', '+1', '1,5', ' 1', 'NaN', '--1']) t.throws(() => parseFixed(bad), { message: /not a decimal string/ }, bad);
});

test('times, plus, minus, total and compare are exact, as a 60-digit decimal computes them', (t) => {
  const values = [...decimals(2, 400)];
  for (let i = 0; i + 1 < values.length; i += 2) {
    const [a, b] = [values[i], values[i + 1]];
    const [x, y] = [new Oracle(a), new Oracle(b)];
    const [fa, fb] = [parseFixed(a), parseFixed(b)];
    t.true(same(times(fa, fb)).eq(x.times(y)), `${a} × ${b}`);
    t.true(same(plus(fa, fb)).eq(x.plus(y)), `${a} + ${b}`);
    t.true(same(minus(fa, fb)).eq(x.minus(y)), `${a} − ${b}`);
    t.is(compare(fa, fb), x.comparedTo(y), `${a} <=> ${b}`);
  }
  t.true(same(total(values.map(parseFixed))).eq(values.reduce((sum, v) => sum.plus(v), new Oracle(0))));
  t.is(fixedText(total([]), 2), '0.00');
});

test('rounding and writing with 0 to 10 places agree with decimal.js half to even, and never write a negative zero', (t) => {
  for (const text of decimals(3, 600)) {
    const value = parseFixed(text);
    for (const places of [0, 2, 4, 6, 10]) {
      const oracle = new Oracle(text).toDecimalPlaces(places, Decimal.ROUND_HALF_EVEN);
      t.true(same(roundHalfEven(value, places)).eq(oracle), `${text} to ${places}`);
      const written = oracle.toFixed(places);
      t.is(fixedText(value, places), /^-0(\.0+)?$/.test(written) ? written.slice(1) : written, `${text} at ${places} places`);
      const trimmed = oracle.isZero() ? '0' : oracle.toFixed();
      t.is(trimmedText(value, places), trimmed, `${text} trimmed at ${places} places`);
    }
  }
  // the halves, both ways, negative ones too
  t.deepEqual(['2.345', '2.355', '-2.345', '-2.355', '0.005', '-0.005', '0.015'].map((v) => fixedText(parseFixed(v), 2)), ['2.34', '2.36', '-2.34', '-2.36', '0.00', '0.00', '0.02']);
  t.deepEqual(['189.5', '189.5000', '0.1234', '12'].map((v) => trimmedText(parseFixed(v), 4, 2)), ['189.50', '189.50', '0.1234', '12.00']);
});

test('percentages round the exact quotient half to even, as a 60-digit division does', (t) => {
  const values = [...decimals(4, 600)];
  for (let i = 0; i + 1 < values.length; i += 2) {
    const [part, whole] = [values[i], values[i + 1]];
    const oracle = new Oracle(whole).isZero() ? '0.00' : new Oracle(part).div(whole).times(100).toFixed(2, Decimal.ROUND_HALF_EVEN);
    t.is(percentText(parseFixed(part), parseFixed(whole), 2), oracle === '-0.00' ? '0.00' : oracle, `${part} / ${whole}`);
  }
  t.is(percentText(parseFixed('1'), parseFixed('0.00'), 2), '0.00');
  t.is(percentText(parseFixed('1'), parseFixed('8'), 2), '12.50');
  t.is(percentText(parseFixed('1'), parseFixed('800'), 2), '0.12', '0.125 is a half: to even');
  t.is(percentText(parseFixed('-1'), parseFixed('800'), 2), '-0.12');
});
