import type Koa from 'koa';
import supertest from 'supertest';
import type { AnyEntitySchema, Orm } from '@ledgerline/db-kit';
import type { Logger } from '@ledgerline/http-kit';
import { createTestOrm, type Teardown, type TemplateSeed } from './test-orm.ts';
import { createTestClock, type TestClock } from './clock.ts';
import { createTestLogger } from './logger.ts';

export interface TestBase {
  orm: Orm;
  logger: Logger;
  clock: TestClock;
}

export interface TestApp<A extends Koa> extends TestBase {
  app: A;
  /** supertest on `app.callback()`: no port is opened. */
  http: ReturnType<typeof supertest>;
}

/**
 * Wires a service's composition root to a fresh in-memory database, a silent logger and a test clock:
 * `build` is where the test calls the service's own `createApp(deps)`. `seed` writes data every test of the service
 * starts from, through the service's own code, once per worker (see createTestOrm); the clock starts where it ran.
 */
export async function createTestApp<A extends Koa>(
  t: Teardown,
  entities: AnyEntitySchema[],
  build: (base: TestBase) => A | Promise<A>,
  seed?: TemplateSeed,
): Promise<TestApp<A>> {
  const orm = await createTestOrm(entities, t, seed);
  const base: TestBase = { orm, logger: createTestLogger(), clock: createTestClock() };
  const app = await build(base);
  return { ...base, app, http: supertest(app.callback()) };
}
