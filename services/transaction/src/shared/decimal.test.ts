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
