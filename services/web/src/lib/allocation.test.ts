import test from 'ava';
import { DEFAULT_FRAME, donutSlices } from './allocation.ts';

const item = (key: string, value: string) => ({ key, label: key, value });

test('slices are proportional to market value and cover exactly 360°', (t) => {
  // 500 + 300 + 200 = 1000 → 50% = 180°, 30% = 108°, 20% = 72°
  const slices = donutSlices([item('equity', '500.00'), item('bond', '300.00'), item('etf', '200.00')]);
  t.deepEqual(slices.map((s) => s.key), ['equity', 'bond', 'etf']);
  t.deepEqual(slices.map((s) => Math.round((s.endAngle - s.startAngle) * 1e6) / 1e6), [180, 108, 72]);
  t.is(slices[0].startAngle, 0);
  t.is(slices.at(-1)?.endAngle, 360);
  for (let i = 1; i < slices.length; i++) t.is(slices[i].startAngle, slices[i - 1].endAngle, 'no gap and no overlap');
  t.is(slices.reduce((sum, s) => sum + (s.endAngle - s.startAngle), 0), 360);
});

test('a large slice uses the large-arc flag so it is drawn the long way round', (t) => {
  // 700 of 1000 = 252°
  const [big, small] = donutSlices([item('AAPL', '700'), item('MSFT', '300')]);
  t.regex(big.path, /^M [\d.]+ [\d.]+ A 90 90 0 1 1 /);
  t.regex(small.path, /^M [\d.]+ [\d.]+ A 90 90 0 0 1 /);
  t.true(big.path.endsWith('Z'));
});

test('a single holding is a full ring (two half arcs outside, two inside)', (t) => {
  const [only, ...rest] = donutSlices([item('AAPL', '1234.56')]);
  t.is(rest.length, 0);
  t.is(only.startAngle, 0);
  t.is(only.endAngle, 360);
  t.is(only.fraction, 1);
  t.is((only.path.match(/ A /g) ?? []).length, 4);
  const { cx, cy, outerRadius, innerRadius } = DEFAULT_FRAME;
  t.true(only.path.startsWith(`M ${cx} ${cy - outerRadius} `));
  t.true(only.path.includes(`M ${cx} ${cy - innerRadius} `));
});

test('items worth nothing get no slice, and an all-zero portfolio draws nothing', (t) => {
  const slices = donutSlices([item('CASHLIKE', '0.00'), item('AAPL', '10.00'), item('BAD', 'n/a')]);
  t.deepEqual(slices.map((s) => s.key), ['AAPL']);
  t.is(slices[0].endAngle, 360);
  t.deepEqual(donutSlices([item('A', '0.00'), item('B', '0')]), []);
  t.deepEqual(donutSlices([]), []);
});

test('colours stay with an item\'s position so the legend matches the chart', (t) => {
  const slices = donutSlices([item('A', '0'), item('B', '1'), item('C', '1')]);
  const again = donutSlices([item('A', '5'), item('B', '1'), item('C', '1')]);
  t.is(slices[0].color, again[1].color);
  t.is(slices[1].color, again[2].color);
});
