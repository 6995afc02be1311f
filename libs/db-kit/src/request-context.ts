import { RequestContext } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/sqlite';
import type { Orm } from './open-orm.ts';

export type Em = EntityManager;

interface EmContext {
  state: { em?: Em };
}

/**
 * Koa middleware: every request gets its own EntityManager fork, on `ctx.state.em` and as the
 * MikroORM RequestContext. Nothing keeps it after the response.
 */
export function requestEntityManager(orm: Orm) {
  return async function entityManagerPerRequest(ctx: EmContext, next: () => Promise<unknown>): Promise<void> {
    const em = orm.em.fork() as Em;
    ctx.state.em = em;
    try {
      await RequestContext.create(em, next);
    } finally {
      ctx.state.em = undefined;
    }
  };
}
