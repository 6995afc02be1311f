import { openOrm, type AnyEntitySchema, type Orm } from '@ledgerline/db-kit';

/** What AVA's `t` offers for cleanup (kept structural so the kit does not depend on one runner). */
export interface Teardown {
  teardown(fn: () => unknown): void;
}

/**
 * Data every test of a service starts from (e.g. the instrument universe), written by the service's own code.
 * It must not depend on the test: it runs once per worker, into the template every test's database is copied from.
 * Pass the same function (a module-level one) each time, or the template is built again.
 */
export type TemplateSeed = (orm: Orm) => Promise<unknown>;

/**
 * The schema (and seed) is built once per worker and per entity list into an in-memory template, serialised to bytes;
 * every test then opens its own fresh in-memory database deserialised from those bytes (better-sqlite3's
 * `new Database(buffer)`, which copies them). Measured on the portfolio service: a fresh ORM with schema and seeded
 * universe 18.7 ms of CPU → see TESTING.md "How fast the suite is". Running the schema generator and the seed in every
 * test is the same work, repeated.
 */
const templates = new WeakMap<AnyEntitySchema[], Map<TemplateSeed | undefined, Promise<Buffer>>>();

function templateOf(entities: AnyEntitySchema[], seed?: TemplateSeed): Promise<Buffer> {
  let bySeed = templates.get(entities);
  if (!bySeed) templates.set(entities, (bySeed = new Map()));
  let template = bySeed.get(seed);
  if (!template) {
    template = (async () => {
      const orm = await openOrm({ dbName: ':memory:', entities });
      try {
        await orm.schema.create();
        await seed?.(orm);
        const native = (await orm.em.getConnection().getNativeClient()) as { serialize(): Buffer };
        return native.serialize();
      } finally {
        await orm.close(true);
      }
    })();
    // A failed build is not kept: the next test reports the same error instead of a stale rejection.
    template.catch(() => bySeed.delete(seed));
    bySeed.set(seed, template);
  }
  return template;
}

/**
 * A fresh in-memory database with the schema created (and `seed`'s data, if given): one per call, so concurrent
 * tests share nothing. Pass `t` and it is closed when the test ends.
 */
export async function createTestOrm(entities: AnyEntitySchema[], t?: Teardown, seed?: TemplateSeed): Promise<Orm> {
  const template = await templateOf(entities, seed);
  // @mikro-orm/sqlite opens `new Database(driverOptions.dbName ?? dbName, driverOptions)`: a Buffer is deserialised
  // into a new private in-memory database. `dbName` stays ':memory:' for the location guard and the ORM's config.
  // Only the first connection is the copy: one made again after close() is a new, empty ':memory:' database, as
  // without a template (a test that closes the ORM to break the database still gets a broken one).
  let opened = false;
  const driverOptions = () => (opened ? {} : ((opened = true), { dbName: template }));
  const orm = await openOrm({ dbName: ':memory:', entities, extra: { driverOptions: driverOptions as never } });
  t?.teardown(() => orm.close(true));
  return orm;
}
