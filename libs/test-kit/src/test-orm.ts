import { openOrm, type AnyEntitySchema, type Orm } from '@ledgerline/db-kit';

/** What AVA's `t` offers for cleanup (kept structural so the kit does not depend on one runner). */
export interface Teardown {
  teardown(fn: () => unknown): void;
}

/**
 * A fresh in-memory database with the schema created: one per call, so concurrent tests share nothing.
 * Pass `t` and it is closed when the test ends.
 */
export async function createTestOrm(entities: AnyEntitySchema[], t?: Teardown): Promise<Orm> {
  const orm = await openOrm({ dbName: ':memory:', entities });
  await orm.schema.create();
  t?.teardown(() => orm.close(true));
  return orm;
}
