import test from 'ava';
import { formatDecimal, formatMoney, formatSigned, formatSignedPercent, pnlClass, signOf } from './money.ts';

test('decimal strings get thousands separators and keep every digit and trailing zero', (t) => {
  t.is(formatDecimal('1234567.50'), '1,234,567.50');
  t.is(formatDecimal('999.9900'), '999.9900');
  t.is(formatDecimal('1000'), '1,000');
  t.is(formatDecimal('0.10'), '0.10');
  t.is(formatDecimal('-1234.5'), '-1,234.5');
  // far beyond a double's 15–17 significant digits: still exact
  t.is(formatDecimal('123456789012345678.99'), '123,456,789,012,345,678.99');
  t.is(formatDecimal('0.000001'), '0.000001');
});

test('odd inputs are shown as they came, and minus zero is zero', (t) => {
  t.is(formatDecimal('-0.00'), '0.00');
  t.is(formatDecimal('abc'), 'abc');
  t.is(formatDecimal(null), '');
  t.is(formatDecimal(undefined), '');
});

test('money carries its currency code', (t) => {
  t.is(formatMoney('1500.00', 'USD'), '1,500.00 USD');
  t.is(formatMoney('1500.00'), '1,500.00');
});

test('profit and loss are signed and coloured by the sign of the text', (t) => {
  t.is(formatSigned('50.00'), '+50.00');
  t.is(formatSigned('-1020.00'), '-1,020.00');
  t.is(formatSigned('0.00'), '0.00');
  t.is(formatSignedPercent('12.50'), '+12.50%');
  t.is(formatSignedPercent('-3.10'), '-3.10%');
  t.is(signOf('-0.01'), -1);
  t.is(signOf('0.0000'), 0);
  t.is(pnlClass('0.01'), 'gain');
  t.is(pnlClass('-0.01'), 'loss');
  t.is(pnlClass('0.00'), 'flat');
});

test('edges: negatives above −1, zeros inside the decimals, explicit signs, leading zeros, and text that is not a number', (t) => {
  const shown: Array<[string, string]> = [
    ['-0.5', '-0.5'], ['-0.05', '-0.05'], ['-0.50', '-0.50'], ['10.05', '10.05'], ['1000.005', '1,000.005'], ['-0', '0'], ['+5', '5'],
    ['0001234', '1,234'], ['-000.001', '-0.001'], [' 12 ', '12'], ['-999.99', '-999.99'], ['-1000', '-1,000'], ['1e5', '1e5'], ['12.', '12.'],
  ];
  for (const [input, output] of shown) t.is(formatDecimal(input), output, input);
  t.is(formatSigned('-0.50'), '-0.50');
  t.is(formatSigned('+0.50'), '+0.50');
  t.is(formatSigned('0.001'), '+0.001');
  t.is(formatSigned('-0.00'), '0.00');
  t.is(formatSignedPercent(''), '');
  t.is(formatSignedPercent('-0.05'), '-0.05%');
  t.is(formatMoney('-0.5', 'USD'), '-0.5 USD');
  t.is(formatMoney('', 'USD'), '', 'no amount: no currency either');
  t.is(signOf('+0.00'), 0);
  t.is(signOf('abc'), 0);
  t.is(pnlClass('-0.001'), 'loss');
  t.is(pnlClass(null), 'flat');
});
