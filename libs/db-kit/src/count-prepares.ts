import type { Em } from './request-context.ts';

/** For db-kit's own tests: counts the statements `em`'s SQLite database prepares from now on. */
export function countPrepares(em: Em): { count: number } {
  const database = (em.getConnection() as unknown as { database: { prepare: (sql: string) => unknown } }).database;
  const original = database.prepare.bind(database);
  const counter = { count: 0 };
  database.prepare = (sql: string) => {
    counter.count += 1;
    return original(sql);
  };
  return counter;
}
