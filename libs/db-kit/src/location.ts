import { resolve } from 'node:path';
import type { Env } from './test-runner.ts';

/** The SQL dialects Ledgerline runs on: one migrations folder each under `services/<name>/migrations/`. */
export type Dialect = 'sqlite' | 'postgresql';

/** A database location is a SQLite file path (or ':memory:') or a PostgreSQL URL (postgres:// or postgresql://). */
export function dialectOf(location: string): Dialect {
  return /^postgres(ql)?:\/\//i.test(location) ? 'postgresql' : 'sqlite';
}

export interface PostgresConnection {
  /** A host name, or an absolute directory holding the server's Unix socket. */
  host: string;
  port?: number;
  user?: string;
  password?: string;
  dbName: string;
}

/**
 * Parses `postgres://user:password@host:port/db`; a Unix socket directory goes in `?host=/path` (libpq's spelling),
 * e.g. `postgres://ledgerline@localhost/ledgerline?host=/run/postgresql` (the host in `?host=` wins).
 */
export function parsePostgresUrl(url: string): PostgresConnection {
  const parsed = new URL(url);
  const dbName = decodeURIComponent(parsed.pathname.replace(/^\//, ''));
  if (!dbName) throw new Error(`the PostgreSQL URL names no database: ${redactUrl(url)}`);
  return {
    host: parsed.searchParams.get('host') ?? (parsed.hostname || 'localhost'),
    port: parsed.port ? Number(parsed.port) : undefined,
    user: parsed.username ? decodeURIComponent(parsed.username) : undefined,
    password: parsed.password ? decodeURIComponent(parsed.password) : undefined,
    dbName,
  };
}

/** A URL fit for logs: the password replaced. */
export function redactUrl(location: string): string {
  return dialectOf(location) === 'postgresql' ? location.replace(/(\/\/[^:/@]*:)[^@]*@/, '$1***@') : location;
}

/**
 * A service's database from its environment: `<SERVICE>_DATABASE_URL` (PostgreSQL) when set, else the SQLite file
 * `<SERVICE>_DB_PATH`, else `fallbackPath`. Each service's config.ts reads its database through this one function.
 */
export function databaseFromEnv(env: Env, service: string, fallbackPath: string): string {
  const prefix = service.toUpperCase();
  const url = env[`${prefix}_DATABASE_URL`];
  if (url) {
    if (dialectOf(url) !== 'postgresql') throw new Error(`${prefix}_DATABASE_URL must be a postgres:// URL, got "${redactUrl(url)}" (a SQLite file goes in ${prefix}_DB_PATH)`);
    return url;
  }
  return resolve(env[`${prefix}_DB_PATH`] ?? fallbackPath);
}
