import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
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
  /** Creates a fresh, empty database and resolves with its URL (`postgres://postgres@localhost/<name>?host=<dir>`). */
  createDatabase(name: string): Promise<string>;
  /** Stops the cluster (immediate) and removes its dir. */
  stop(): Promise<void>;
}

const execFileAsync = promisify(execFile);

/**
 * Runs a server binary; as root it runs as the `postgres` system user (PostgreSQL refuses to run as root).
 * Asynchronous on purpose: the unit layer's workers share a thread among many tests, and a synchronous initdb
 * held that thread for seconds.
 */
async function run(binary: string, args: string[]): Promise<string> {
  const file = join(POSTGRES_BIN, binary);
  const asRoot = process.getuid?.() === 0;
  const { stdout } = await execFileAsync(asRoot ? 'runuser' : file, asRoot ? ['-u', 'postgres', '--', file, ...args] : args, { encoding: 'utf8' });
  return stdout;
}

async function postgresIds(): Promise<[number, number]> {
  const [uid, gid] = await Promise.all([execFileAsync('id', ['-u', 'postgres'], { encoding: 'utf8' }), execFileAsync('id', ['-g', 'postgres'], { encoding: 'utf8' })]);
  return [Number(uid.stdout), Number(gid.stdout)];
}

/**
 * A PostgreSQL cluster initialised in a fresh dir of the OS temp dir, listening only on a Unix socket in that dir,
 * trust authentication, no fsync. For tests and for `migration:create` (a diff needs a real server). The marker file
 * registers the dir and each database created, so the location guard lets a test run open exactly those.
 */
export async function startThrowawayPostgres(): Promise<ThrowawayPostgres> {
  if (!existsSync(join(POSTGRES_BIN, 'initdb'))) {
    throw new Error(`PostgreSQL server binaries not found in ${POSTGRES_BIN}: install Debian's package (apt-get install -y postgresql) or set LEDGERLINE_POSTGRES_BIN`);
  }
  const dir = mkdtempSync(join(tmpdir(), 'ledgerline-pg-'));
  const databases: string[] = [];
  const register = () => writeFileSync(join(dir, THROWAWAY_MARKER), JSON.stringify({ pid: process.pid, databases }));
  register();
  let started = false;
  try {
    if (process.getuid?.() === 0) chownSync(dir, ...(await postgresIds()));
    await run('initdb', ['-D', join(dir, 'data'), '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8', '--locale', 'C']);
    await run('pg_ctl', ['-D', join(dir, 'data'), '-l', join(dir, 'server.log'), '-o', `-k ${dir} -c listen_addresses='' -c fsync=off -c synchronous_commit=off -c full_page_writes=off`, '-w', 'start']);
    started = true;
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  return {
    dir,
    async createDatabase(name) {
      if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`database name "${name}": use lower-case letters, digits and "_"`);
      await run('psql', ['-h', dir, '-U', 'postgres', '-d', 'postgres', '-v', 'ON_ERROR_STOP=1', '-q', '-c', `create database ${name}`]);
      databases.push(name);
      register();
      return `postgres://postgres@localhost/${name}?host=${encodeURIComponent(dir)}`;
    },
    async stop() {
      try {
        if (started) await run('pg_ctl', ['-D', join(dir, 'data'), '-m', 'immediate', '-w', 'stop']);
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
