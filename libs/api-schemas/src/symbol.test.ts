import test from 'ava';
import { z } from 'zod';
import { symbol, symbolInput } from './symbol.ts';

const CASES = ['AAPL', 'aapl', 'brk.b', ' BRK.B ', '\tmsft\n', 'BF-B', 'A', 'ABCDEFGHIJKL', 'ABCDEFGHIJKLM', '', ' ', 'AA PL', 'AAPL$', 'ÄPL', '.', '12345'];

test('a symbol is accepted in any case with surrounding white space, and normalised to upper case', (t) => {
  t.is(symbolInput.parse(' brk.b '), 'BRK.B');
  t.is(symbolInput.parse('aapl'), 'AAPL');
  for (const refused of ['', 'AA PL', 'AAPL$', 'ABCDEFGHIJKLM']) t.false(symbolInput.safeParse(refused).success, refused);
});

test('the OpenAPI patterns say exactly what is accepted (input) and what is answered (output)', (t) => {
  const inputPattern = new RegExp((z.toJSONSchema(symbolInput, { io: 'input' }) as { pattern: string }).pattern);
  const outputPattern = new RegExp((z.toJSONSchema(symbol) as { pattern: string }).pattern);
  for (const value of CASES) {
    const accepted = symbolInput.safeParse(value);
    t.is(inputPattern.test(value), accepted.success, `input ${JSON.stringify(value)}`);
    if (accepted.success) t.true(outputPattern.test(accepted.data), `normalised ${JSON.stringify(accepted.data)} is a valid answer`);
  }
  t.false(outputPattern.test('aapl'));
});
