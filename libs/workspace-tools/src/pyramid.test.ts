import test from 'ava';
import { countInteractions, formatPyramid, pyramid } from './pyramid.ts';

test('shares are computed against the bounds, and a top-heavy suite fails', (t) => {
  const healthy = pyramid([{ layer: 'unit', tests: 70 }, { layer: 'integration', tests: 20 }, { layer: 'e2e', tests: 10 }]);
  t.true(healthy.every((row) => row.ok));
  t.regex(formatPyramid(healthy).at(-1)!, /within bounds$/);

  const iceCream = pyramid([{ layer: 'unit', tests: 20 }, { layer: 'integration', tests: 30 }, { layer: 'e2e', tests: 50 }]);
  t.deepEqual(iceCream.map((row) => row.ok), [false, true, false]);
  t.regex(formatPyramid(iceCream).at(-1)!, /FAIL: unit 20\.0% outside 60–90%; e2e 50\.0% outside 1–15%/);
});

test('the committed pacts hold interactions', (t) => {
  t.true(countInteractions() > 0);
});
