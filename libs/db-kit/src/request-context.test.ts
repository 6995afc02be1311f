import test from 'ava';
import Koa from 'koa';
import supertest from 'supertest';
import { RequestContext, defineEntity, p } from '@mikro-orm/core';
import { openOrm, requestEntityManager, type Em } from './index.ts';

const Counter = defineEntity({ name: 'Counter', properties: { id: p.integer().primary(), hits: p.integer() } });

test('each request gets its own EntityManager fork, also exposed as the RequestContext', async (t) => {
  const orm = await openOrm({ dbName: ':memory:', entities: [Counter] });
  await orm.schema.create();
  t.teardown(() => orm.close(true));
  const seen: Em[] = [];
  const app = new Koa();
  app.use(requestEntityManager(orm));
  app.use(async (ctx) => {
    const em = ctx.state.em as Em;
    seen.push(em);
    t.is(RequestContext.getEntityManager(), em);
    const counter = (await em.findOne(Counter, { id: 1 })) ?? em.create(Counter, { id: 1, hits: 0 });
    counter.hits += 1;
    await em.flush();
    ctx.body = { hits: counter.hits };
  });
  const http = supertest(app.callback());
  t.is((await http.get('/')).body.hits, 1);
  t.is((await http.get('/')).body.hits, 2, 'the second request sees what the first committed');
  t.is(seen.length, 2);
  t.not(seen[0], seen[1]);
  t.not(seen[0], orm.em);
});
