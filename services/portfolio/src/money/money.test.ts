import test from 'ava';
import { D, dec, formatAverageCost, formatMoney, formatPercent, formatPrice, formatQuantity, roundMoney, storeAverageCost } from './money.ts';
import { parseFixed, total } from './fixed-point.ts';

test('money is formatted with exactly 2 dp, rounding half to even', (t) => {
  t.is(formatMoney('105'), '105.00');
  t.is(formatMoney('2.345'), '2.34'); // 4 is even: the half goes down
  t.is(formatMoney('2.355'), '2.36'); // 5 is odd: the half goes up
  t.is(formatMoney('2.3450001'), '2.35'); // more than half: up
  t.is(formatMoney('-2.345'), '-2.34');
  t.is(formatMoney('-0.001'), '0.00', 'no negative zero');
  t.is(roundMoney(dec('0.125')).toFixed(), '0.12');
});

test('decimal arithmetic is exact where floats are not', (t) => {
  t.is(formatMoney(dec('0.1').plus('0.2')), '0.30');
  t.true(dec('0.1').plus('0.2').eq('0.3'));
  t.is(formatMoney(total(['0.10', '0.20', '0.30'].map(parseFixed))), '0.60');
  t.is(formatMoney(total([])), '0.00');
  // 1/3 × 3 is 1 to 40 significant digits
  t.is(formatMoney(new D(1).div(3).times(3)), '1.00');
});

test('quantities are normalised: trailing zeros dropped, at most 6 dp (half even)', (t) => {
  t.is(formatQuantity('10.000000'), '10');
  t.is(formatQuantity('0.50'), '0.5');
  t.is(formatQuantity('0.123456'), '0.123456');
  t.is(formatQuantity('1.2345675'), '1.234568'); // 7 is odd: up
  t.is(formatQuantity('1.2345665'), '1.234566'); // 6 is even: stays
  t.is(formatQuantity('0'), '0');
});

test('average cost is shown with 4 dp and stored with 10', (t) => {
  t.is(formatAverageCost('150.5'), '150.5000');
  t.is(formatAverageCost(dec('1550').div(15)), '103.3333'); // 1550 / 15 = 103.3333…
  t.is(formatAverageCost('2.00005'), '2.0000'); // half, previous digit 0 even: stays
  t.is(formatAverageCost('2.00015'), '2.0002'); // half, previous digit 1 odd: up
  t.is(storeAverageCost(dec('1550').div(15)), '103.3333333333');
  t.is(storeAverageCost(dec('100')), '100');
});

test('prices show 2 to 4 dp', (t) => {
  t.is(formatPrice('189.5'), '189.50');
  t.is(formatPrice('7'), '7.00');
  t.is(formatPrice('0.1234'), '0.1234');
  t.is(formatPrice('12.3400'), '12.34');
  t.is(formatPrice('12.3450'), '12.345');
});

test('percentages have 2 dp and are "0.00" of a zero whole', (t) => {
  t.is(formatPercent(dec('1'), dec('3')), '33.33'); // 33.333…
  t.is(formatPercent(dec('2'), dec('3')), '66.67'); // 66.666…
  t.is(formatPercent(dec('-50'), dec('200')), '-25.00');
  t.is(formatPercent(dec('5'), dec('0')), '0.00');
  t.is(formatPercent(dec('0'), dec('0')), '0.00');
});

test('percentages round the exact quotient half to even, whatever the decimal places, as a 60-digit division does', (t) => {
  t.is(formatPercent(dec('1'), dec('800')), '0.12', '0.125 is a tie: to the even 0.12');
  t.is(formatPercent(dec('3'), dec('800')), '0.38', '0.375 is a tie: to the even 0.38');
  t.is(formatPercent(dec('1.01'), dec('800')), '0.13', '0.12625: above the tie, up');
  t.is(formatPercent(dec('-5'), dec('800')), '-0.62', '-0.625: to the even -0.62');
  t.is(formatPercent(dec('1'), dec('-3')), '-33.33');
  t.is(formatPercent(dec('-2'), dec('-3')), '66.67');
  t.is(formatPercent(dec('0.005'), dec('0.4')), '1.25', 'more decimal places than money has');
  t.is(formatPercent(dec('123456789012.34'), dec('0.01')), '1234567890123400.00');
  const Reference = D.clone({ precision: 60 });
  const reference = (part: string, whole: string) => noMinusZero(new Reference(part).times(100).div(whole).toFixed(2, D.ROUND_HALF_EVEN));
  const noMinusZero = (text: string) => (text === '-0.00' ? '0.00' : text);
  let seed = 7;
  const next = () => (seed = (seed * 48271) % 2147483647);
  for (let i = 0; i < 3000; i++) {
    const part = `${next() % 2 ? '-' : ''}${next() % 100000}.${String(next() % 100).padStart(2, '0')}`;
    const whole = `${next() % 1000}.${String((next() % 99) + 1).padStart(2, '0')}`;
    t.is(formatPercent(dec(part), dec(whole)), reference(part, whole), `${part} / ${whole}`);
  }
});

test('dec accepts only plain decimal strings', (t) => {
  for (const bad of ['1e5', 'abc', ' 1', '1.', '.5', '', 'NaN', 'Infinity']) {
    t.throws(() => dec(bad), undefined, bad);
  }
  t.is(dec('-3.50').toFixed(), '-3.5');
});

test('edges: negative amounts above −1, zeros inside the decimals, halves at every place, and never a negative zero', (t) => {
  const money: Array<[string, string]> = [
    ['-0.5', '-0.50'], ['-0.05', '-0.05'], ['-0.999', '-1.00'], ['-0.015', '-0.02'], ['-0.025', '-0.02'], ['-0.005', '0.00'],
    ['0', '0.00'], ['-0', '0.00'], ['10.05', '10.05'], ['100.001', '100.00'], ['1.005', '1.00'], ['0.105', '0.10'], ['-1', '-1.00'],
  ];
  for (const [input, shown] of money) t.is(formatMoney(input), shown, `money ${input}`);
  const prices: Array<[string, string]> = [
    ['-0.5', '-0.50'], ['0.05', '0.05'], ['1.0500', '1.05'], ['1.0005', '1.0005'], ['1.00005', '1.00'], ['1.00015', '1.0002'],
    ['-0.00001', '0.00'], ['0', '0.00'], ['10.1000', '10.10'], ['-12.3456', '-12.3456'], ['0.0100', '0.01'],
  ];
  for (const [input, shown] of prices) t.is(formatPrice(input), shown, `price ${input}`);
  const quantities: Array<[string, string]> = [['-0.5', '-0.5'], ['-0.0000001', '0'], ['1.0000005', '1'], ['0.0000015', '0.000002'], ['100.000100', '100.0001']];
  for (const [input, shown] of quantities) t.is(formatQuantity(input), shown, `quantity ${input}`);
  t.is(formatAverageCost('-0.5'), '-0.5000');
  t.is(formatAverageCost('-0.00004'), '0.0000');
  t.is(storeAverageCost(dec('-0.00000000001')), '0');
  t.is(formatPercent(dec('-1'), dec('300')), '-0.33', 'a small loss stays negative');
  t.is(formatPercent(dec('-1'), dec('1000000')), '0.00', 'a loss that rounds away is 0.00, not -0.00');
});
