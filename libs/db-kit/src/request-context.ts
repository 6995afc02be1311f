import { RequestContext } from '@mikro-orm/core';
import type { AbstractSqlDriver, SqlEntityManager } from '@mikro-orm/sql';
import type { Orm } from './open-orm.ts';

export type Em = SqlEntityManager<AbstractSqlDriver>;

interface EmContext {
  state: { em?: Em };
}

/**
 * Koa middleware: every request gets its own EntityManager fork, on `ctx.state.em` and as the
 * MikroORM RequestContext. Nothing keeps it after the response.
 */
export function requestEntityManager(orm: Orm) {
  return async function entityManagerPerRequest(ctx: EmContext, next: () => Promise<unknown>): Promise<void> {
    try {
      // RequestContext.create forks orm.em once; the same fork is handed to the route as ctx.state.em.
      await RequestContext.create(orm.em, async () => {
        ctx.state.em = RequestContext.getEntityManager() as Em;
        await next();
      });
    } finally {
      ctx.state.em = undefined;
    }
  };
}
