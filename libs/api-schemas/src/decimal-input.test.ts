import test from 'ava';
import { nonNegativeMoney, positiveMoney, positiveQuantity, priceInput } from './decimal-input.ts';

const messageOf = (result: { success: boolean; error?: { issues: Array<{ message: string }> } }) => result.error?.issues.map((issue) => issue.message).join(' | ');

test('money amounts: decimal strings with at most 2 dp, greater than zero', (t) => {
  const schema = positiveMoney();
  for (const good of ['1', '100.00', '0.01', '999999999999999.99']) t.true(schema.safeParse(good).success, good);
  const cases: Array<[unknown, RegExp]> = [
    [100, /decimal string/],
    ['1e3', /digits with an optional fraction/],
    ['-5', /digits with an optional fraction/],
    ['1.', /digits with an optional fraction/],
    ['.5', /digits with an optional fraction/],
    [' 5', /digits with an optional fraction/],
    ['1.234', /at most 2 decimal places/],
    ['0', /greater than zero/],
    ['0.00', /greater than zero/],
    ['1000000000000000', /too large/],
  ];
  for (const [input, expected] of cases) {
    const result = schema.safeParse(input);
    t.false(result.success, String(input));
    t.regex(messageOf(result) ?? '', expected, String(input));
  }
});

test('fees may be zero; quantities take 6 dp; prices take 4 dp and may be zero unless positive is asked', (t) => {
  t.true(nonNegativeMoney('fees').safeParse('0').success);
  t.true(nonNegativeMoney('fees').safeParse('0.00').success);
  t.true(positiveQuantity().safeParse('0.123456').success);
  t.regex(messageOf(positiveQuantity().safeParse('0.1234567')) ?? '', /at most 6 decimal places/);
  t.regex(messageOf(positiveQuantity().safeParse('0.000000')) ?? '', /greater than zero/);
  t.true(priceInput().safeParse('0').success);
  t.true(priceInput().safeParse('101.2345').success);
  t.regex(messageOf(priceInput().safeParse('101.23456')) ?? '', /at most 4 decimal places/);
  t.regex(messageOf(priceInput('price', true).safeParse('0')) ?? '', /greater than zero/);
});

test('edges: the smallest and largest accepted values, written decimal places, signs and leading zeros', (t) => {
  type Schema = ReturnType<typeof positiveMoney>;
  const ok = (schema: Schema, value: string) => t.true(schema.safeParse(value).success, value);
  const refused = (schema: Schema, value: unknown, message: string) => t.is(messageOf(schema.safeParse(value)), message, String(value));
  const amount = positiveMoney();
  ok(amount, '0.01');
  ok(amount, '0.10');
  ok(amount, '999999999999999');
  ok(amount, '0000000000000001.50');
  refused(amount, '0.001', 'The amount may have at most 2 decimal places.');
  refused(amount, '0.00', 'The amount must be greater than zero.');
  refused(amount, '1000000000000000', 'The amount is too large.');
  refused(amount, '-0.5', 'The amount must be a decimal string of digits with an optional fraction, e.g. "100.00".');
  refused(amount, '+1', 'The amount must be a decimal string of digits with an optional fraction, e.g. "100.00".');
  refused(amount, 1, 'Send the amount as a decimal string, e.g. "100.00".');
  ok(nonNegativeMoney('fees'), '0');
  refused(nonNegativeMoney('fees'), '0.001', 'The fees may have at most 2 decimal places.');
  ok(positiveQuantity(), '0.000001');
  refused(positiveQuantity(), '0.0000010', 'The quantity may have at most 6 decimal places.');
  refused(positiveQuantity(), '0', 'The quantity must be greater than zero.');
  ok(priceInput(), '0.0001');
  refused(priceInput('price', true), '0.0000', 'The price must be greater than zero.');
});
