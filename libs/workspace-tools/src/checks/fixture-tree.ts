/** Test helper: a throwaway repo tree in the OS temp dir, removed when the test ends. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { ExecutionContext } from 'ava';
import { createTempDir } from '@ledgerline/test-kit';

/** Writes `files` (repo-relative path → content; lines may be given as an array) and returns the tree's root. */
export function fixtureTree(t: ExecutionContext, files: Record<string, string | string[]>): string {
  const temp = createTempDir('ledgerline-guardrails-');
  t.teardown(() => temp.remove());
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(temp.dir, path)), { recursive: true });
    writeFileSync(join(temp.dir, path), Array.isArray(content) ? `${content.join('\n')}\n` : content);
  }
  return temp.dir;
}

/** A service or lib package.json for fixtures. */
export function manifest(name: string, extra: Record<string, unknown> = {}): string {
  return JSON.stringify({ name, type: 'module', ...extra });
}
