import test from 'ava';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createGate, declaringTogether, findSpecs, titledChain, titlePrefix } from './suite.ts';
import { createTempDir } from './temp-db.ts';

test('a spec title carries its file, as AVA prints it for a multi-file run', (t) => {
  t.is(titlePrefix(join('users', 'register.test.ts')), 'users › register › ');
  t.is(titlePrefix('money.test.ts'), 'money › ');
});

test('a glob picks the spec files, relative to its fixed folder, sorted, never under node_modules', (t) => {
  const temp = createTempDir();
  t.teardown(() => temp.remove());
  mkdirSync(join(temp.dir, 'src', 'b', 'node_modules'), { recursive: true });
  mkdirSync(join(temp.dir, 'test'), { recursive: true });
  for (const file of ['src/b/z.test.ts', 'src/a.test.ts', 'src/a.ts', 'src/b/node_modules/x.test.ts', 'src/b/helper.ts', 'test/web-gateway.pact.test.ts', 'test/provider.pact.test.ts']) {
    writeFileSync(join(temp.dir, file), '');
  }
  t.deepEqual(findSpecs(temp.dir, 'src/**/*.test.ts'), { base: 'src', files: ['a.test.ts', join('b', 'z.test.ts')] });
  t.deepEqual(findSpecs(temp.dir, 'test/*-*.pact.test.ts'), { base: 'test', files: ['web-gateway.pact.test.ts'] });
});

/** A stand-in for AVA's chain: records what it is called with. */
function fakeChain() {
  const calls: Array<{ path: string; args: unknown[] }> = [];
  const make = (path: string) => Object.assign((...args: unknown[]) => void calls.push({ path, args }), {});
  const root = Object.assign(make('test'), { serial: make('test.serial'), skip: make('test.skip'), before: make('test.before'), beforeEach: make('test.beforeEach'), afterEach: make('test.afterEach') });
  return { root, calls };
}

test('titles of tests, serial tests and skipped tests get the prefix; each implementation runs, with its arguments, through the gate', async (t) => {
  const { root, calls } = fakeChain();
  const gated: string[] = [];
  const through = <R>(fn: () => R | Promise<R>) => {
    gated.push('in');
    return Promise.resolve(fn());
  };
  const chain = titledChain(root, 'users › register › ', 'test', through);
  const seen: unknown[][] = [];
  const impl = (...args: unknown[]) => void seen.push(args);
  chain('logs in', impl);
  chain.serial('one at a time', impl);
  chain.skip('later', impl);
  t.deepEqual(
    calls.map((c) => [c.path, c.args[0]]),
    [
      ['test', 'users › register › logs in'],
      ['test.serial', 'users › register › one at a time'],
      ['test.skip', 'users › register › later'],
    ],
  );
  for (const [i, call] of calls.entries()) await (call.args[1] as (...a: unknown[]) => Promise<unknown>)(`t${i}`, 'extra');
  t.deepEqual(seen, [['t0', 'extra'], ['t1', 'extra'], ['t2', 'extra']]);
  t.is(gated.length, 3);
});

test('hooks and todos are not gated: a once-per-worker hook gets its function as written', (t) => {
  const { root, calls } = fakeChain();
  const chain = titledChain(root, 'users › register › ');
  const hook = () => {};
  chain.before(hook);
  t.is(calls[0].args[0], hook);
});

test('the gate runs at most `limit` at once, in arrival order, and frees a place when one fails', async (t) => {
  const through = createGate(2);
  let running = 0;
  let most = 0;
  const started: number[] = [];
  const job = (i: number) =>
    through(async () => {
      started.push(i);
      running += 1;
      most = Math.max(most, running);
      await new Promise((r) => setTimeout(r, 5));
      running -= 1;
      if (i === 1) throw new Error('boom');
      return i;
    });
  const results = await Promise.allSettled([0, 1, 2, 3, 4].map(job));
  t.is(most, 2);
  t.deepEqual(started, [0, 1, 2, 3, 4]);
  t.deepEqual(results.map((r) => r.status), ['fulfilled', 'rejected', 'fulfilled', 'fulfilled', 'fulfilled']);
});

test('per-test hooks are refused, saying why and what to do; a once-per-worker hook is allowed', (t) => {
  const { root, calls } = fakeChain();
  const chain = titledChain(root, 'users › register › ');
  for (const hook of [chain.beforeEach, chain.afterEach]) {
    const error = t.throws(() => hook(() => {}));
    t.regex(error!.message, /in users › register: the unit layer's specs share AVA workers .* Do the setup inside each test/);
  }
  chain.before(() => {});
  t.is(calls.length, 1);
});

test('while a worker imports its specs, declarations are held and then handed to AVA in order, in one go', async (t) => {
  const { root, calls } = fakeChain();
  const chain = titledChain(root, 'a › ');
  const during: number[] = [];
  await declaringTogether(async () => {
    chain('first', () => {});
    await new Promise((resolve) => setTimeout(resolve, 5)); // a spec awaiting real work at its top
    chain.serial('second', () => {});
    during.push(calls.length);
  });
  t.deepEqual(during, [0], 'nothing reached AVA while the specs were loading');
  t.deepEqual(calls.map((c) => c.args[0]), ['a › first', 'a › second']);
  chain('after', () => {});
  t.is(calls.length, 3, 'outside a load, a declaration goes straight to AVA');
});
