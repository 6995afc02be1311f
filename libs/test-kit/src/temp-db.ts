import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface TempDir {
  dir: string;
  /** Path of a database file named `<name>.sqlite` inside the temp dir. */
  dbPath(name: string): string;
  remove(): void;
}

/** A fresh directory in the OS temp dir for file databases; `remove()` deletes it and everything in it. */
export function createTempDir(prefix = 'ledgerline-'): TempDir {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return {
    dir,
    dbPath: (name) => join(dir, `${name}.sqlite`),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
