import test from 'ava';
import { countInteractions, formatPyramid, pyramid } from './pyramid.ts';

test('shares are computed against the bounds, and a top-heavy suite fails', (t) => {
  const healthy = pyramid([{ layer: 'unit', tests: 70 }, { layer: 'integration', tests: 20 }, { layer: 'e2e', tests: 10 }]);
  t.true(healthy.every((row) => row.ok));
  t.regex(formatPyramid(healthy).at(-1)!, /within bounds$/);

  const iceCream = pyramid([{ layer: 'unit', tests: 20 }, { layer: 'integration', tests: 25 }, { layer: 'e2e', tests: 55 }]);
  t.deepEqual(iceCream.map((row) => row.ok), [false, true, false]);
  t.regex(formatPyramid(iceCream).at(-1)!, /FAIL: unit 20\.0% outside 65–75%; e2e 55\.0% outside 7–13%/);
});

test('a suite at the old shape (e2e 2%, unit 84%) is now outside the bounds', (t) => {
  const before = pyramid([{ layer: 'unit', tests: 542 }, { layer: 'integration', tests: 92 }, { layer: 'e2e', tests: 11 }]);
  t.deepEqual(before.map((row) => row.ok), [false, false, false]);
});

test('the committed pacts hold interactions', (t) => {
  t.true(countInteractions() > 0);
});
