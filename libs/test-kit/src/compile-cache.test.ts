import test from 'ava';
import { chmodSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileCacheDir, prepareCompileCache, pruneCompileCaches, withCompileCache } from './compile-cache.ts';
import { createTempDir } from './temp-db.ts';

/** A stand-in memory file system and two clones, in one temp dir. */
function setUp(t: { teardown: (fn: () => void) => void }) {
  const temp = createTempDir();
  t.teardown(() => temp.remove());
  const memoryFs = join(temp.dir, 'shm');
  mkdirSync(memoryFs);
  const clone = (name: string) => {
    mkdirSync(join(temp.dir, name));
    writeFileSync(join(temp.dir, name, 'package.json'), '{}');
    return join(temp.dir, name);
  };
  return { temp, memoryFs, clone };
}

test('each clone has its own cache in the memory file system; without one (or without room) it is node_modules/.cache', (t) => {
  const { memoryFs, clone, temp } = setUp(t);
  const a = clone('a');
  const b = clone('b');
  t.is(compileCacheDir(a, memoryFs), compileCacheDir(a, memoryFs));
  t.true(compileCacheDir(a, memoryFs).startsWith(join(memoryFs, 'ledgerline-compile-cache-')));
  t.not(compileCacheDir(a, memoryFs), compileCacheDir(b, memoryFs));
  // A new clone at the same path (another folder) starts with an empty cache, as a fresh clone should.
  const before = compileCacheDir(a, memoryFs);
  renameSync(a, join(temp.dir, 'a-old'));
  clone('a');
  t.not(compileCacheDir(a, memoryFs), before);
  t.is(compileCacheDir(a, join(temp.dir, 'no-such-fs')), join(a, 'node_modules', '.cache', 'node-compile-cache'));
  if (process.getuid?.() !== 0) {
    chmodSync(memoryFs, 0o500);
    t.is(compileCacheDir(a, memoryFs), join(a, 'node_modules', '.cache', 'node-compile-cache'));
    chmodSync(memoryFs, 0o700);
  }
});

test('the caches of deleted or replaced clones, and caches nobody owns, are pruned; a live clone’s and other files are kept', (t) => {
  const { memoryFs, clone, temp } = setUp(t);
  const live = clone('live');
  const deleted = clone('deleted');
  const replaced = clone('replaced');
  for (const root of [live, deleted, replaced]) prepareCompileCache(compileCacheDir(root, memoryFs), root);
  const liveCache = compileCacheDir(live, memoryFs);
  const deletedCache = compileCacheDir(deleted, memoryFs);
  const replacedCache = compileCacheDir(replaced, memoryFs);
  rmSync(deleted, { recursive: true });
  renameSync(replaced, join(temp.dir, 'replaced-old'));
  clone('replaced');
  mkdirSync(join(memoryFs, 'ledgerline-compile-cache-0000000000000000'));
  mkdirSync(join(memoryFs, 'someone-else'));
  t.deepEqual(pruneCompileCaches(memoryFs).sort(), [deletedCache, replacedCache, join(memoryFs, 'ledgerline-compile-cache-0000000000000000')].sort());
  t.deepEqual(readdirSync(memoryFs).sort(), [liveCache.slice(memoryFs.length + 1), 'someone-else'].sort());
  t.deepEqual(pruneCompileCaches(join(temp.dir, 'no-such-fs')), []);
});

test('the test processes get the cache unless NODE_COMPILE_CACHE is set (an empty value turns it off)', (t) => {
  t.truthy(withCompileCache({}).NODE_COMPILE_CACHE);
  t.true(existsSync(withCompileCache({}).NODE_COMPILE_CACHE!));
  t.is(withCompileCache({ NODE_COMPILE_CACHE: '' }).NODE_COMPILE_CACHE, '');
  t.is(withCompileCache({ NODE_COMPILE_CACHE: '/elsewhere', PATH: '/bin' }).PATH, '/bin');
});
