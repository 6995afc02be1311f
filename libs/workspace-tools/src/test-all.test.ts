import test from 'ava';
import { countTests } from './test-all.ts';

test('test counts are read from AVA and Playwright summaries, colours and all', (t) => {
  const output = ['  \u001b[32m50 tests passed\u001b[39m', '  1 test failed', '  8 passed (19.2s)', 'Running 8 tests using 2 workers', '  3 failed'].join('\n');
  t.deepEqual(countTests(output), { passed: 58, failed: 4 });
  t.deepEqual(countTests('nothing here'), { passed: 0, failed: 0 });
});
