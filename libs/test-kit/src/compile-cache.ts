/**
 * Node's on-disk compile cache for every test process: `NODE_COMPILE_CACHE` makes Node keep the V8 code of every
 * module it compiles (dependencies and our type-stripped TypeScript alike) and reuse it in the next process, so an
 * AVA worker, a service started by a test or Playwright does not compile MikroORM, Koa, zod… again. Node checks
 * each entry against the source, so a changed file is simply compiled afresh: the cache cannot serve stale code.
 * It lives in node_modules/.cache (git-ignored, and emptied by `npm ci`).
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const COMPILE_CACHE_DIR = resolve(fileURLToPath(new URL('../../../node_modules/.cache/node-compile-cache', import.meta.url)));

/** `env` with NODE_COMPILE_CACHE set (an explicit setting, even an empty one that turns it off, is kept). */
export function withCompileCache(env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  return { ...env, NODE_COMPILE_CACHE: env.NODE_COMPILE_CACHE ?? COMPILE_CACHE_DIR };
}
