import { tmpdir } from 'node:os';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { lstatSync, readlinkSync, realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DatabaseLocationRefusedError } from './errors.ts';
import { detectTestRunner, type Env } from './test-runner.ts';
import { dialectOf, parsePostgresUrl, redactUrl } from './location.ts';
import { throwawayDatabases } from './throwaway-postgres.ts';

/** The repository root: libs/db-kit/src → ../../.. */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
/** Where `npm start` keeps the developer's databases. */
export const DEV_DATA_DIR = resolve(REPO_ROOT, 'data');

export function isInMemory(dbName: string): boolean {
  return dbName === ':memory:' || dbName.startsWith('file::memory:');
}

function realish(path: string): string {
  // Resolve symlinks of the longest existing prefix so that a link into ./data is caught too.
  let probe = path;
  const rest: string[] = [];
  for (;;) {
    try {
      return resolve(realpathSync(probe), ...rest.reverse());
    } catch {
      const link = danglingLinkTarget(probe);
      if (link) return realish(resolve(link, ...rest.reverse()));
      const parent = dirname(probe);
      if (parent === probe) return path;
      rest.push(probe.slice(parent.length + 1));
      probe = parent;
    }
  }
}

function danglingLinkTarget(path: string): string | undefined {
  try {
    return lstatSync(path).isSymbolicLink() ? resolve(dirname(path), readlinkSync(path)) : undefined;
  } catch {
    return undefined;
  }
}

function isInside(child: string, parent: string): boolean {
  const rel = relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel) && !rel.startsWith(`..${sep}`));
}

export interface GuardOptions {
  env?: Env;
  argv?: readonly string[];
  cwd?: string;
}

/**
 * Isolation rule 1: while a test runner is active, no database may be opened under ./data/
 * (the developer's databases), nor anywhere outside the OS temp dir.
 */
export function assertDatabaseAllowed(dbName: string, options: GuardOptions = {}): void {
  if (isInMemory(dbName)) return;
  const runner = detectTestRunner(options.env ?? process.env, options.argv ?? process.argv);
  if (!runner) return;
  if (dialectOf(dbName) === 'postgresql') {
    assertThrowawayPostgres(dbName, runner);
    return;
  }
  const cwd = options.cwd ?? process.cwd();
  const target = realish(resolve(cwd, dbName));
  const dataDirs = [DEV_DATA_DIR, resolve(cwd, 'data')].map(realish);
  if (dataDirs.some((dir) => isInside(target, dir))) {
    throw new DatabaseLocationRefusedError(
      `Refusing to open "${target}": it is a developer database under ./data/ and a test runner is active (${runner}). ` +
        'Tests must never touch ./data/. Use createTestOrm() (fresh in-memory) or createTempFileDatabase() (OS temp dir) from @ledgerline/test-kit.',
    );
  }
  const temp = realish(resolve(tmpdir()));
  if (!isInside(target, temp)) {
    throw new DatabaseLocationRefusedError(
      `Refusing to open "${target}": a test runner is active (${runner}) and test databases live only in the OS temp dir (${temp}). ` +
        'Use createTestOrm() or createTempFileDatabase() from @ledgerline/test-kit.',
    );
  }
}

/**
 * Under a test runner, a PostgreSQL database is allowed only if the test kit created it: the URL's host is the socket
 * dir of a throwaway cluster in the OS temp dir, and that cluster's marker lists the database. A URL from the
 * environment or a developer's config (a TCP host, another socket dir, another database) is refused.
 */
function assertThrowawayPostgres(url: string, runner: string): void {
  const { host, dbName } = parsePostgresUrl(url);
  const temp = realish(resolve(tmpdir()));
  const socketDir = isAbsolute(host) ? realish(host) : undefined;
  if (!socketDir || !isInside(socketDir, temp) || socketDir === temp || !throwawayDatabases(socketDir).includes(dbName)) {
    throw new DatabaseLocationRefusedError(
      `Refusing to connect to PostgreSQL "${redactUrl(url)}": a test runner is active (${runner}) and a test may use only a database ` +
        'the test kit created (a throwaway cluster on a Unix socket in the OS temp dir). A URL from the environment or a developer config ' +
        'never reaches a test: use startTestPostgres() from @ledgerline/test-kit.',
    );
  }
}
