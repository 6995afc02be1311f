import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { assertDatabaseAllowed } from '@ledgerline/db-kit';

/**
 * Upgrade fixtures: a developer database as an older version of a service left it, and what its API answered then.
 * `services/<name>/migrations/sqlite/upgrade-fixtures/<migration>.sql` is a dump (schema, the migrations table and
 * every row) of a database that the services built and filled through their own API when `<migration>` was the
 * newest; `<migration>.json` holds the users (with their passwords) and the reads (path → body) the API answered.
 * Written by `npm run migrations:fixtures`; frozen once committed, because they stand for data that exists.
 */
export interface UpgradeRead {
  /** The service's own route (the gateway serves it under /api/v1). */
  path: string;
  /** Whose token reads it. */
  userId: string;
  body: unknown;
}

export interface UpgradeFixtureUser {
  id: string;
  email: string;
  password: string;
}

export interface UpgradeFixture {
  /** The migration the database was at (the newest one when the fixture was made). */
  migration: string;
  /** The dump to restore. */
  sql: string;
  users: UpgradeFixtureUser[];
  reads: UpgradeRead[];
}

/** The committed upgrade fixtures of one service's SQLite migrations folder, oldest first. */
export function readUpgradeFixtures(dialectDir: string): UpgradeFixture[] {
  const dir = join(dialectDir, 'upgrade-fixtures');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith('.sql'))
    .sort()
    .map((name) => {
      const migration = name.slice(0, -'.sql'.length);
      const meta = JSON.parse(readFileSync(join(dir, `${migration}.json`), 'utf8')) as Pick<UpgradeFixture, 'users' | 'reads'>;
      return { migration, sql: readFileSync(join(dir, name), 'utf8'), ...meta };
    });
}

/** Restores a dump into a new SQLite file: the database exactly as the older version left it (guarded like openOrm). */
export function restoreSqliteDump(dbPath: string, sql: string): void {
  assertDatabaseAllowed(dbPath);
  if (existsSync(dbPath)) throw new Error(`Refusing to restore over an existing database: ${dbPath}`);
  const db = new DatabaseSync(dbPath);
  try {
    db.exec(sql);
  } finally {
    db.close();
  }
}

function sqlValue(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  if (value instanceof Uint8Array) return `x'${Buffer.from(value).toString('hex')}'`;
  return `'${String(value).replaceAll("'", "''")}'`;
}

/** Dumps a SQLite file: every table and index as created, then every row (one statement per line), in one transaction. */
export function dumpSqlite(dbPath: string): string {
  const db = new DatabaseSync(dbPath, { readOnly: true });
  try {
    const objects = db.prepare("select type, name, sql from sqlite_master where sql is not null and name not like 'sqlite_%' order by type = 'index', rowid").all() as Array<{ type: string; name: string; sql: string }>;
    const lines = ['pragma foreign_keys = off;', 'begin;', ...objects.map((o) => `${o.sql};`)];
    for (const { name } of objects.filter((o) => o.type === 'table')) {
      for (const row of db.prepare(`select * from "${name}" order by rowid`).all()) {
        const columns = Object.keys(row);
        lines.push(`insert into "${name}" (${columns.map((c) => `"${c}"`).join(', ')}) values (${columns.map((c) => sqlValue(row[c])).join(', ')});`);
      }
    }
    lines.push('commit;', '');
    return lines.join('\n');
  } finally {
    db.close();
  }
}

/** GET a path with a caller's token; answers status and JSON body. */
export type ReadFn = (path: string, token: string) => Promise<{ status: number; body: unknown }>;

export interface ReadBackResult {
  path: string;
  userId: string;
  status: number;
  expected: unknown;
  actual: unknown;
}

/** Replays every read of a fixture through an API (the service's own app, or the gateway) with each user's token. */
export async function replayReads(fixture: Pick<UpgradeFixture, 'reads'>, read: ReadFn, tokenFor: (userId: string) => Promise<string>): Promise<ReadBackResult[]> {
  const results: ReadBackResult[] = [];
  for (const entry of fixture.reads) {
    const { status, body } = await read(entry.path, await tokenFor(entry.userId));
    results.push({ path: entry.path, userId: entry.userId, status, expected: entry.body, actual: body });
  }
  return results;
}

/**
 * Whether `actual` still holds everything `expected` held: same values at the same places, extra fields allowed
 * (a later version may add some). Returns the first difference as a path, or undefined.
 */
export function firstLoss(expected: unknown, actual: unknown, at = '$'): string | undefined {
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual) || actual.length !== expected.length) return `${at}: expected ${expected.length} items, got ${Array.isArray(actual) ? actual.length : typeof actual}`;
    for (const [i, item] of expected.entries()) {
      const loss = firstLoss(item, actual[i], `${at}[${i}]`);
      if (loss) return loss;
    }
    return undefined;
  }
  if (expected && typeof expected === 'object') {
    if (!actual || typeof actual !== 'object') return `${at}: expected an object, got ${JSON.stringify(actual)}`;
    for (const [key, value] of Object.entries(expected)) {
      const loss = firstLoss(value, (actual as Record<string, unknown>)[key], `${at}.${key}`);
      if (loss) return loss;
    }
    return undefined;
  }
  return Object.is(expected, actual) ? undefined : `${at}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`;
}
