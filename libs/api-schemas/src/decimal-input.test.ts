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
