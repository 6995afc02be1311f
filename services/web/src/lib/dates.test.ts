import test from 'ava';
import { formatWhen } from './dates.ts';

test('a trade dated by day shows the day; one with a time shows the time in UTC', (t) => {
  t.is(formatWhen('2026-05-01T00:00:00.000Z'), '2026-05-01');
  t.is(formatWhen('2026-05-01T14:30:12.345Z'), '2026-05-01 14:30 UTC');
  t.is(formatWhen('2026-05-01T14:30:00+02:00'), '2026-05-01 14:30 +02:00');
  t.is(formatWhen('yesterday'), 'yesterday');
  t.is(formatWhen(null), '');
});
