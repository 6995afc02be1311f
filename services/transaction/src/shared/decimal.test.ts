import test from 'ava';
import { money, parseDecimal, price, quantity } from './decimal.ts';

const rule = { maxDp: 2, positive: true };

test('parseDecimal accepts plain decimal strings within the rule', (t) => {
  t.is(String(parseDecimal('amount', '105.5', rule)), '105.5');
  t.is(String(parseDecimal('amount', '0.01', rule)), '0.01');
  t.is(String(parseDecimal('fees', '0', { maxDp: 2, positive: false })), '0');
  t.is(String(parseDecimal('amount', '000123.40', rule)), '123.4');
});

test('parseDecimal names the field and the fault', (t) => {
  const fault = (raw: string, r = rule) => {
    const result = parseDecimal('amount', raw, r);
    return 'field' in result ? `${result.field}:${result.code}` : 'ok';
  };
  for (const raw of ['', '-1', '+1', '1.', '.5', '1e3', '1,5', ' 1', 'NaN', 'Infinity', '0x10']) t.is(fault(raw), 'amount:invalid_decimal', raw);
  t.is(fault('1.234'), 'amount:too_many_decimals');
  t.is(fault('0.00'), 'amount:must_be_positive');
  t.is(fault('1234567890123456'), 'amount:too_large');
  t.is(fault('000000000000000001'), 'ok'); // leading zeros do not count
});

test('wire forms: money 2 dp half-even, quantity normalised, price 2–4 dp', (t) => {
  t.is(money('105'), '105.00');
  t.is(money('0.125'), '0.12'); // half-even: 0.125 → 0.12
  t.is(money('0.135'), '0.14'); // half-even: 0.135 → 0.14
  t.is(quantity('10.500000'), '10.5');
  t.is(quantity('10'), '10');
  t.is(quantity('0.000001'), '0.000001'); // no exponent
  t.is(price('105'), '105.00');
  t.is(price('105.1'), '105.10');
  t.is(price('105.1230'), '105.123');
  t.is(price('105.1234'), '105.1234');
});

test('edges: decimal places are checked before positivity, 15 integer digits are the most, and money is never minus zero', (t) => {
  const fault = (raw: string, r = rule) => {
    const result = parseDecimal('amount', raw, r);
    return 'field' in result ? `${result.code}: ${result.message}` : `ok ${result.toFixed()}`;
  };
  t.is(fault('0.01'), 'ok 0.01');
  t.is(fault('0.001'), 'too_many_decimals: Use at most 2 decimal places.');
  t.is(fault('0.000'), 'too_many_decimals: Use at most 2 decimal places.', 'three written places are refused whatever the value');
  t.is(fault('0'), 'must_be_positive: Must be greater than 0.');
  t.is(fault('0.0'), 'must_be_positive: Must be greater than 0.');
  t.is(fault('999999999999999.99'), 'ok 999999999999999.99');
  t.is(fault('1000000000000000'), 'too_large: Use at most 15 digits before the decimal point.');
  t.is(fault('-0.5'), 'invalid_decimal: Send a non-negative decimal string such as "10.50".');
  t.is(fault('0', { maxDp: 2, positive: false }), 'ok 0');
  t.is(money('-0.5'), '-0.50');
  t.is(money('-0.001'), '0.00', 'a loss that rounds away is 0.00, as the portfolio service writes it');
  t.is(money('-0.005'), '0.00');
  t.is(money('-0.015'), '-0.02');
  t.is(money('10.05'), '10.05');
  t.is(price('-0.5'), '-0.50');
  t.is(price('0.0500'), '0.05');
  t.is(quantity('-0.0000010'), '-0.000001');
});
