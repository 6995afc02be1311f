import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Debian's `postgresql` package puts the server binaries here (`apt-get install postgresql`). */
export const POSTGRES_BIN = process.env.LEDGERLINE_POSTGRES_BIN ?? '/usr/lib/postgresql/15/bin';
/** The file in a throwaway cluster's socket dir that lists the databases created in it: the location guard reads it. */
export const THROWAWAY_MARKER = 'ledgerline-throwaway-postgres.json';

export interface ThrowawayPostgres {
  /** The socket dir (in the OS temp dir): the cluster's only way in, no TCP port. */
  dir: string;
  /** Creates a fresh, empty database and returns its URL (`postgres://postgres@localhost/<name>?host=<dir>`). */
  createDatabase(name: string): string;
  /** Stops the cluster (immediate) and removes its dir. */
  stop(): void;
}

/** Runs a server binary; as root it runs as the `postgres` system user (PostgreSQL refuses to run as root). */
function run(binary: string, args: string[]): string {
  const file = join(POSTGRES_BIN, binary);
  const asRoot = process.getuid?.() === 0;
  return execFileSync(asRoot ? 'runuser' : file, asRoot ? ['-u', 'postgres', '--', file, ...args] : args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/**
 * A PostgreSQL cluster initialised in a fresh dir of the OS temp dir, listening only on a Unix socket in that dir,
 * trust authentication, no fsync. For tests and for `migration:create` (a diff needs a real server). The marker file
 * registers the dir and each database created, so the location guard lets a test run open exactly those.
 */
export function startThrowawayPostgres(): ThrowawayPostgres {
  if (!existsSync(join(POSTGRES_BIN, 'initdb'))) {
    throw new Error(`PostgreSQL server binaries not found in ${POSTGRES_BIN}: install Debian's package (apt-get install -y postgresql) or set LEDGERLINE_POSTGRES_BIN`);
  }
  const dir = mkdtempSync(join(tmpdir(), 'ledgerline-pg-'));
  const databases: string[] = [];
  const register = () => writeFileSync(join(dir, THROWAWAY_MARKER), JSON.stringify({ pid: process.pid, databases }));
  register();
  let started = false;
  try {
    if (process.getuid?.() === 0) chownSync(dir, Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' })), Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' })));
    run('initdb', ['-D', join(dir, 'data'), '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8', '--locale', 'C']);
    run('pg_ctl', ['-D', join(dir, 'data'), '-l', join(dir, 'server.log'), '-o', `-k ${dir} -c listen_addresses='' -c fsync=off -c synchronous_commit=off -c full_page_writes=off`, '-w', 'start']);
    started = true;
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  return {
    dir,
    createDatabase(name) {
      if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`database name "${name}": use lower-case letters, digits and "_"`);
      run('psql', ['-h', dir, '-U', 'postgres', '-d', 'postgres', '-v', 'ON_ERROR_STOP=1', '-q', '-c', `create database ${name}`]);
      databases.push(name);
      register();
      return `postgres://postgres@localhost/${name}?host=${encodeURIComponent(dir)}`;
    },
    stop() {
      try {
        if (started) run('pg_ctl', ['-D', join(dir, 'data'), '-m', 'immediate', '-w', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

/** The databases a throwaway cluster registered in `dir` (empty when `dir` is not one). */
export function throwawayDatabases(dir: string): string[] {
  try {
    return (JSON.parse(readFileSync(join(dir, THROWAWAY_MARKER), 'utf8')) as { databases: string[] }).databases;
  } catch {
    return [];
  }
}
