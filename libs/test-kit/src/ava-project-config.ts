import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { withCompileCache } from './compile-cache.ts';

/**
 * A project's AVA settings (the `ava` block of its package.json: extensions, timeout) with other `files`, for the
 * Nx targets' configs (./ava-contract.config.ts). It also hands Node's compile cache to the
 * workers and to every process a test starts (they inherit this environment).
 */
export function projectAvaConfig(projectDir: string, files: string[]): Record<string, unknown> {
  process.env.NODE_COMPILE_CACHE = withCompileCache().NODE_COMPILE_CACHE;
  const own = JSON.parse(readFileSync(join(projectDir, 'package.json'), 'utf8')).ava ?? {};
  return { ...own, files };
}
