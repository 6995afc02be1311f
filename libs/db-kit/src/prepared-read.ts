import type { Em } from './request-context.ts';

/**
 * What a prepared read needs of a better-sqlite3 database. MikroORM's SQLite connection keeps its database as
 * `database` (`SqliteConnection#database`); a PostgreSQL connection has none.
 */
export interface SqliteDatabase {
  readonly open: boolean;
  readonly inTransaction: boolean;
  prepare(sql: string): SqliteStatement;
}
interface SqliteStatement {
  all(...params: unknown[]): unknown[];
  run(...params: unknown[]): { changes: number };
}

/** A query text beyond this many per database is run unprepared: the SQL of hot reads is a fixed set, not data. */
const MAX_STATEMENTS_PER_DATABASE = 256;

/**
 * Statements prepared on each SQLite database, keyed by their SQL text. Keyed weakly by the database object itself,
 * so they live exactly as long as its connection: a closed or re-opened ORM has a new database object and starts empty.
 */
const statementsByDatabase = new WeakMap<SqliteDatabase, Map<string, SqliteStatement>>();

/** The open better-sqlite3 database under `em`, or undefined (PostgreSQL, or not connected yet). */
export function sqliteOf(em: Em): SqliteDatabase | undefined {
  const database = (em.getConnection() as unknown as { database?: SqliteDatabase }).database;
  return typeof database?.prepare === 'function' && database.open ? database : undefined;
}

/** `sql` prepared on `database`, once per database (see MAX_STATEMENTS_PER_DATABASE). */
export function prepared(database: SqliteDatabase, sql: string): SqliteStatement {
  let statements = statementsByDatabase.get(database);
  if (!statements) statementsByDatabase.set(database, (statements = new Map()));
  let statement = statements.get(sql);
  if (!statement) {
    statement = database.prepare(sql);
    if (statements.size < MAX_STATEMENTS_PER_DATABASE) statements.set(sql, statement);
  }
  return statement;
}

/**
 * Runs one constant SQL text with `params` on the fastest path that keeps the transaction rules (see `readRows`);
 * driver errors come out as MikroORM's exceptions (e.g. `UniqueConstraintViolationException`), as from the ORM.
 */
async function run<T>(em: Em, sql: string, params: readonly unknown[], onSqlite: (statement: SqliteStatement, values: unknown[]) => T, method: 'all' | 'run'): Promise<T> {
  const platform = em.getPlatform();
  const values = params.map((value) => (value instanceof Date ? platform.processDateProperty(value) : value));
  const transaction = em.getTransactionContext();
  const database = sqliteOf(em);
  try {
    if (database && (transaction !== undefined || !database.inTransaction)) return onSqlite(prepared(database, sql), values);
    const result = await em.getConnection().execute(sql, values, method, transaction);
    return (method === 'all' ? result : (result as unknown as { affectedRows: number }).affectedRows) as T;
  } catch (error) {
    throw em.getDriver().convertException(error as Error);
  }
}

/**
 * A read on a hot path, as plain rows: one SQL text that both engines speak (`?` placeholders, columns aliased to
 * the names the caller wants; the text must be a constant, never built from input — values go in `params`).
 * Date parameters are stored as the entities store them (epoch ms on SQLite).
 *
 * Why: MikroORM inlines every value into the SQL text and has the driver prepare it anew, so a small indexed read
 * costs about 20 times what running a prepared statement does. On SQLite the statement is prepared once per
 * database and reused. It runs
 * - in the caller's own transaction when `em` is in one (SQLite has one connection, held by that transaction);
 * - at once when no transaction is open on the connection (better-sqlite3 runs it synchronously, so nothing can
 *   interleave with it);
 * - through MikroORM, queued behind it like any query, while *another* request's transaction holds the connection,
 *   so a read never sees rows that transaction has not committed.
 * On PostgreSQL (and on a connection not yet opened) it runs through MikroORM's connection, in `em`'s transaction
 * when there is one. Rows come as the driver gives them: decimals stored as text stay strings; datetimes are epoch
 * ms on SQLite and `Date`s on PostgreSQL, so read them with `new Date(value)`; JSON columns are text on SQLite and
 * parsed on PostgreSQL.
 */
export async function readRows<Row>(em: Em, sql: string, params: readonly unknown[] = []): Promise<Row[]> {
  return run(em, sql, params, (statement, values) => statement.all(...values) as Row[], 'all');
}

/** The first row of `readRows`, or null. */
export async function readRow<Row>(em: Em, sql: string, params: readonly unknown[] = []): Promise<Row | null> {
  return (await readRows<Row>(em, sql, params))[0] ?? null;
}

/**
 * An `insert`, `update` or `delete` on a hot path, by the same rules as `readRows` (a constant SQL text, values as
 * parameters, prepared once per SQLite database, in `em`'s transaction when there is one, never inside another
 * request's). Returns how many rows it changed — a conditional update tells whether its condition held. Write JSON
 * columns as `JSON.stringify(value)`. It bypasses the unit of work: entities already loaded in `em` do not see it.
 */
export async function writeRows(em: Em, sql: string, params: readonly unknown[] = []): Promise<number> {
  return run(em, sql, params, (statement, values) => statement.run(...values).changes, 'run');
}
