import type { Em } from './request-context.ts';
import { prepared, sqliteOf } from './prepared-read.ts';

/** What a write transaction needs of the ORM's SQL connection: its Kysely client, whose mutex guards SQLite's one connection. */
interface KyselyConnection {
  getClient(): { connection(): { execute<T>(work: (connection: object) => Promise<T>): Promise<T> } };
}

/**
 * Runs `work` in one database transaction and commits it, or rolls it back when `work` throws (the error comes out
 * as thrown; driver errors as MikroORM's exceptions). `work` gets an EntityManager bound to the transaction: the
 * prepared statements of `readRows`/`writeRows` run in it, and so do ORM reads.
 *
 * Why: on SQLite, `em.transactional` has Kysely prepare `begin` and `commit` anew for every transaction and wraps
 * them in MikroORM's transaction events and flush — on a hot write path (a trade) that costs more than the
 * transaction's own statements. Here, on SQLite, the transaction
 * - holds the connection through Kysely's connection mutex, exactly as MikroORM's own transactions do, so every
 *   ORM query and every `readRows` of another request waits until it commits or rolls back (nothing sees or joins
 *   its uncommitted rows);
 * - starts with `begin immediate` (it takes the write lock at once, so two processes on one file never both hold a
 *   read lock they each need upgraded) and ends with `commit` or `rollback`, all three prepared once per database.
 * On PostgreSQL, inside an outer transaction, or before the SQLite connection is open, it is `em.transactional`.
 *
 * `work` must not flush entities or open a nested transaction on the EntityManager it gets (on SQLite that would need
 * a savepoint this transaction does not make): it is for paths that write with `writeRows`.
 */
export async function writeTransaction<T>(em: Em, work: (tx: Em) => Promise<T>): Promise<T> {
  const database = sqliteOf(em);
  if (!database || em.isInTransaction()) return em.transactional(work);
  const client = (em.getConnection() as unknown as KyselyConnection).getClient();
  return client.connection().execute(async (connection) => {
    const control = (sql: 'begin immediate' | 'commit') => {
      try {
        prepared(database, sql).run();
      } catch (error) {
        throw em.getDriver().convertException(error as Error);
      }
    };
    control('begin immediate');
    const tx = em.fork();
    // ORM queries through `tx` run on the connection this transaction holds; readRows/writeRows see the context and run prepared.
    tx.setTransactionContext(connection);
    try {
      const result = await work(tx);
      control('commit');
      return result;
    } finally {
      if (database.inTransaction) prepared(database, 'rollback').run();
    }
  });
}
