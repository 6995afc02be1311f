/**
 * Node's on-disk compile cache for every test process: `NODE_COMPILE_CACHE` makes Node keep the V8 code of every
 * module it compiles (dependencies and our type-stripped TypeScript alike) and reuse it in the next process, so an
 * AVA worker, a service started by a test or Playwright does not compile MikroORM, Koa, zod… again. Node checks
 * each entry against the source, so a changed file is simply compiled afresh: the cache cannot serve stale code.
 *
 * Where: in memory (`/dev/shm`, a tmpfs) when the machine has one with room, else in node_modules/.cache. A cold run
 * writes a file per module per process — about 4,000 files for the unit layer — and creating a file cost this
 * machine's ext4 disk up to a millisecond of system time: the unit layer with an empty cache took 22.4 / 28.7 s on disk
 * against 17.6 / 17.5 s in memory, and 15.2 / 12.8 s warm in memory (TESTING.md has the measurement). The memory cache
 * belongs to one clone: its name is derived from the clone's path and its folder's inode, so a new clone (even at the
 * same path) starts empty, as a fresh clone should; `pruneCompileCaches` removes those whose clone is gone.
 */
import { createHash } from 'node:crypto';
import { accessSync, constants, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statfsSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO_ROOT = resolve(fileURLToPath(new URL('../../..', import.meta.url)));
/** The memory file system Linux mounts for every process. */
export const MEMORY_FS = '/dev/shm';
/** Below this much free space the memory file system is left alone (a container's /dev/shm is often 64 MB). */
const MIN_FREE_BYTES = 512 * 2 ** 20;
const PREFIX = 'ledgerline-compile-cache-';
/** The file in a memory cache that names its clone: the clone's path and its folder's inode. */
const OWNER_FILE = 'owner.json';

interface Owner {
  root: string;
  ino: number;
}

function ownerOf(root: string): Owner {
  return { root, ino: statSync(root).ino };
}

function hasRoom(dir: string): boolean {
  try {
    accessSync(dir, constants.W_OK);
    const fs = statfsSync(dir);
    return fs.bavail * fs.bsize >= MIN_FREE_BYTES;
  } catch {
    return false;
  }
}

/** The compile cache folder of the clone at `root`: in `memoryFs` when it is writable with room, else node_modules/.cache. */
export function compileCacheDir(root = REPO_ROOT, memoryFs = MEMORY_FS): string {
  if (!hasRoom(memoryFs)) return join(root, 'node_modules', '.cache', 'node-compile-cache');
  const owner = ownerOf(root);
  return join(memoryFs, `${PREFIX}${createHash('sha256').update(`${owner.root}\0${owner.ino}`).digest('hex').slice(0, 16)}`);
}

export const COMPILE_CACHE_DIR = compileCacheDir();

/** Creates a memory cache folder with its owner file (what `pruneCompileCaches` reads); a disk cache is left to Node. */
export function prepareCompileCache(dir: string, root = REPO_ROOT): void {
  if (existsSync(join(dir, OWNER_FILE)) || !dir.includes(PREFIX)) return;
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, OWNER_FILE), JSON.stringify(ownerOf(root)));
}

/** `env` with NODE_COMPILE_CACHE set (an explicit setting, even an empty one that turns it off, is kept). */
export function withCompileCache(env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  if (env.NODE_COMPILE_CACHE !== undefined) return { ...env };
  prepareCompileCache(COMPILE_CACHE_DIR);
  return { ...env, NODE_COMPILE_CACHE: COMPILE_CACHE_DIR };
}

/**
 * Removes the memory caches of clones that are gone (their folder deleted, or replaced by another clone at the same
 * path) and those without an owner file; returns the folders removed. `npm test` and `bench:suite` run it first.
 */
export function pruneCompileCaches(memoryFs = MEMORY_FS): string[] {
  if (!existsSync(memoryFs)) return [];
  const removed: string[] = [];
  for (const name of readdirSync(memoryFs)) {
    if (!name.startsWith(PREFIX)) continue;
    const dir = join(memoryFs, name);
    let alive: boolean;
    try {
      const owner = JSON.parse(readFileSync(join(dir, OWNER_FILE), 'utf8')) as Owner;
      alive = existsSync(join(owner.root, 'package.json')) && statSync(owner.root).ino === owner.ino;
    } catch {
      alive = false;
    }
    if (!alive) {
      rmSync(dir, { recursive: true, force: true });
      removed.push(dir);
    }
  }
  return removed;
}
