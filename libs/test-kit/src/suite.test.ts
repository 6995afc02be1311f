import test from 'ava';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { findSpecs, titledChain, titlePrefix } from './suite.ts';
import { createTempDir } from './temp-db.ts';

test('a spec title carries its file, as AVA prints it for a multi-file run', (t) => {
  t.is(titlePrefix(join('users', 'register.test.ts')), 'users › register › ');
  t.is(titlePrefix('money.test.ts'), 'money › ');
});

test('every *.test.ts under a folder is found, sorted, and nothing else', (t) => {
  const temp = createTempDir();
  t.teardown(() => temp.remove());
  mkdirSync(join(temp.dir, 'b', 'node_modules'), { recursive: true });
  for (const file of ['b/z.test.ts', 'a.test.ts', 'a.ts', 'b/node_modules/x.test.ts', 'b/helper.ts']) writeFileSync(join(temp.dir, file), '');
  t.deepEqual(findSpecs(temp.dir), ['a.test.ts', join('b', 'z.test.ts')]);
});

/** A stand-in for AVA's chain: records what it is called with. */
function fakeChain() {
  const calls: Array<{ path: string; args: unknown[] }> = [];
  const make = (path: string) => Object.assign((...args: unknown[]) => void calls.push({ path, args }), {});
  const root = Object.assign(make('test'), { serial: make('test.serial'), skip: make('test.skip'), before: make('test.before'), beforeEach: make('test.beforeEach'), afterEach: make('test.afterEach') });
  return { root, calls };
}

test('titles of tests, serial tests and skipped tests get the prefix; implementations are passed on untouched', (t) => {
  const { root, calls } = fakeChain();
  const chain = titledChain(root, 'users › register › ');
  const impl = () => {};
  chain('logs in', impl);
  chain.serial('one at a time', impl);
  chain.skip('later', impl);
  t.deepEqual(calls, [
    { path: 'test', args: ['users › register › logs in', impl] },
    { path: 'test.serial', args: ['users › register › one at a time', impl] },
    { path: 'test.skip', args: ['users › register › later', impl] },
  ]);
});

test('per-test hooks are refused, saying why and what to do; a once-per-worker hook is allowed', (t) => {
  const { root, calls } = fakeChain();
  const chain = titledChain(root, 'users › register › ');
  for (const hook of [chain.beforeEach, chain.afterEach]) {
    const error = t.throws(() => hook(() => {}));
    t.regex(error!.message, /in users › register: this project's specs share one AVA worker .* Do the setup inside each test/);
  }
  chain.before(() => {});
  t.is(calls.length, 1);
});
