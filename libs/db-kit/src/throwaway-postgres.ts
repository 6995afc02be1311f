import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { randomBytes } from 'node:crypto';
import { appendFileSync, chownSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/** Debian's `postgresql` package puts the server binaries here (`apt-get install postgresql`). */
export const POSTGRES_BIN = process.env.LEDGERLINE_POSTGRES_BIN ?? '/usr/lib/postgresql/15/bin';
/**
 * The file in a throwaway cluster's socket dir that lists the databases created in it, one name per line, appended
 * (several processes create databases in a shared cluster): the location guard reads it.
 */
export const THROWAWAY_MARKER = 'ledgerline-throwaway-postgres.databases';
/** Written in the socket dir once the server accepts connections; `FAILED` holds the error when it could not start. */
const READY = 'ledgerline-ready';
const FAILED = 'ledgerline-failed';
/**
 * Set by `npm test` (test-all.ts) for every layer it runs: the socket dir of one throwaway cluster shared by the whole
 * run. `startThrowawayPostgres()` then creates its fresh databases there instead of starting a cluster of its own.
 */
export const SHARED_POSTGRES_ENV = 'LEDGERLINE_TEST_POSTGRES';

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
 *
 * Under `npm test` (`SHARED_POSTGRES_ENV` set in `env`) no cluster is started: the databases are created in the run's
 * shared cluster — each still fresh and the caller's alone — and `stop()` drops them, leaving that cluster to the run.
 * An initdb and a server start cost about 1.2 s of CPU; a run of the suite needed ten.
 */
export async function startThrowawayPostgres(env: Record<string, string | undefined> = process.env): Promise<ThrowawayPostgres> {
  const shared = env[SHARED_POSTGRES_ENV];
  if (shared) return leaseDatabases(shared);
  const cluster = startPostgresCluster();
  try {
    await cluster.started;
  } catch (error) {
    await cluster.stop();
    throw error;
  }
  return {
    dir: cluster.dir,
    createDatabase: (name) => createDatabase(cluster.dir, name),
    stop: cluster.stop,
  };
}

export interface PostgresCluster {
  /** The socket dir: hand it to the run's processes in `SHARED_POSTGRES_ENV`. */
  dir: string;
  /** Settles once the server accepts connections (or could not start: the error is also left for the leases). */
  started: Promise<void>;
  /** Stops the cluster (immediate) and removes its dir, whether or not it started. */
  stop(): Promise<void>;
}

/**
 * Starts a throwaway cluster in the background: the dir exists at once, the server about a second later. `npm test`
 * starts one for the whole run and hands its dir to the layers (`SHARED_POSTGRES_ENV`), whose databases are then
 * leased in it by `startThrowawayPostgres`, which waits for the server if need be. The owner calls `stop()`.
 */
export function startPostgresCluster(bin = POSTGRES_BIN): PostgresCluster {
  const dir = mkdtempSync(join(tmpdir(), 'ledgerline-pg-'));
  writeFileSync(join(dir, THROWAWAY_MARKER), '');
  let running = false;
  const started = (async () => {
    try {
      if (!existsSync(join(bin, 'initdb'))) {
        throw new Error(`PostgreSQL server binaries not found in ${bin}: install Debian's package (apt-get install -y postgresql) or set LEDGERLINE_POSTGRES_BIN`);
      }
      if (process.getuid?.() === 0) chownSync(dir, ...(await postgresIds()));
      await run('initdb', ['-D', join(dir, 'data'), '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8', '--locale', 'C']);
      await run('pg_ctl', ['-D', join(dir, 'data'), '-l', join(dir, 'server.log'), '-o', `-k ${dir} -c listen_addresses='' -c max_connections=300 -c fsync=off -c synchronous_commit=off -c full_page_writes=off`, '-w', 'start']);
      running = true;
      writeFileSync(join(dir, READY), '');
    } catch (error) {
      if (existsSync(dir)) writeFileSync(join(dir, FAILED), error instanceof Error ? error.message : String(error));
      throw error;
    }
  })();
  started.catch(() => undefined); // the leases report it (FAILED); the owner sees it in `started`
  return {
    dir,
    started,
    async stop() {
      await started.catch(() => undefined);
      try {
        if (running) await run('pg_ctl', ['-D', join(dir, 'data'), '-m', 'immediate', '-w', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

async function createDatabase(dir: string, name: string): Promise<string> {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`database name "${name}": use lower-case letters, digits and "_"`);
  await run('psql', ['-h', dir, '-U', 'postgres', '-d', 'postgres', '-v', 'ON_ERROR_STOP=1', '-q', '-c', `create database ${name}`]);
  appendFileSync(join(dir, THROWAWAY_MARKER), `${name}\n`);
  return `postgres://postgres@localhost/${name}?host=${encodeURIComponent(dir)}`;
}

/** Fresh databases in a cluster someone else started (the run's shared one): names made unique, dropped by `stop()`. */
async function leaseDatabases(dir: string): Promise<ThrowawayPostgres> {
  for (let waited = 0; !existsSync(join(dir, READY)); waited += 25) {
    if (existsSync(join(dir, FAILED))) throw new Error(`the test run's PostgreSQL cluster did not start: ${readFileSync(join(dir, FAILED), 'utf8')}`);
    if (!existsSync(join(dir, THROWAWAY_MARKER))) throw new Error(`${SHARED_POSTGRES_ENV}=${dir} is not a throwaway PostgreSQL cluster of this test run (no ${THROWAWAY_MARKER} there)`);
    if (waited > 120_000) throw new Error(`the test run's PostgreSQL cluster in ${dir} was not ready after 120 s`);
    await sleep(25);
  }
  const created: string[] = [];
  return {
    dir,
    async createDatabase(name) {
      const unique = `${name.slice(0, 40)}_${randomBytes(5).toString('hex')}`;
      const url = await createDatabase(dir, unique);
      created.push(unique);
      return url;
    },
    async stop() {
      const dropping = created.splice(0);
      if (dropping.length === 0) return;
      await run('psql', ['-h', dir, '-U', 'postgres', '-d', 'postgres', '-v', 'ON_ERROR_STOP=1', '-q', ...dropping.flatMap((name) => ['-c', `drop database if exists ${name} with (force)`])]);
    },
  };
}

/** The databases a throwaway cluster registered in `dir` (empty when `dir` is not one). */
export function throwawayDatabases(dir: string): string[] {
  try {
    return readFileSync(join(dir, THROWAWAY_MARKER), 'utf8').split('\n').filter(Boolean);
  } catch {
    return [];
  }
}
