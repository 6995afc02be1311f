import test from 'ava';
import { formatInstant } from './instant.ts';

const FIRST = new Date('0000-01-01T00:00:00.000Z').getTime();
const LAST = new Date('9999-12-31T23:59:59.999Z').getTime();

test('writes every instant exactly as toISOString does: edges of days, months, leap years, centuries and the range', (t) => {
  const edges = [
    0, -1, 1, FIRST, LAST, LAST + 1, FIRST - 1,
    Date.UTC(2000, 1, 29, 23, 59, 59, 999), Date.UTC(2000, 2, 1), Date.UTC(1900, 1, 28, 12), Date.UTC(1900, 2, 1),
    Date.UTC(2100, 1, 28, 23, 59, 59, 999), Date.UTC(2100, 2, 1), Date.UTC(2024, 1, 29, 0, 0, 0, 1), Date.UTC(1969, 11, 31, 23, 59, 59, 999),
    Date.UTC(1600, 1, 29), Date.UTC(1, 0, 1) - 1, Date.UTC(2026, 11, 3, 15, 16, 3, 123),
  ];
  for (const ms of edges) t.is(formatInstant(new Date(ms)), new Date(ms).toISOString(), String(ms));
});

test('agrees with toISOString on 50,000 instants spread over years 0000-9999 (a seeded stream)', (t) => {
  let state = 42;
  const span = LAST - FIRST + 1;
  let checked = 0;
  for (let i = 0; i < 50_000; i += 1) {
    state = (state * 1103515245 + 12345) % 2147483648;
    const coarse = Math.floor((state / 2147483648) * span);
    state = (state * 1103515245 + 12345) % 2147483648;
    const ms = FIRST + ((coarse - (coarse % 1_000_000) + (state % 1_000_000)) % span);
    const expected = new Date(ms).toISOString();
    if (formatInstant(new Date(ms)) !== expected) t.fail(`${ms}: ${formatInstant(new Date(ms))} against ${expected}`);
    checked += 1;
  }
  t.is(checked, 50_000);
});

test('years beyond 9999 or before 0000 are written as toISOString writes them, and an invalid date still throws', (t) => {
  for (const ms of [LAST + 1, FIRST - 1, 8.64e15, -8.64e15]) t.is(formatInstant(new Date(ms)), new Date(ms).toISOString());
  t.regex(formatInstant(new Date(LAST + 1)), /^\+010000-/);
  t.throws(() => formatInstant(new Date(Number.NaN)), { instanceOf: RangeError });
});
