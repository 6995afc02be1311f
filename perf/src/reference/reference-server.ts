/**
 * The side-by-side reference, run as its own process like a service: `koa` is a bare Koa route; `orm <dir>`
 * is Koa + MikroORM reading one row by primary key from a file SQLite (WAL, via the db kit) with a
 * RequestContext fork per request. Prints `READY <port>` once listening on 127.0.0.1; SIGTERM ends it.
 */
import type { Server } from 'node:http';
import { join } from 'node:path';
import Koa from 'koa';
import { defineEntity, p } from '@mikro-orm/core';
import { requestEntityManager, type Em, type Orm } from '@ledgerline/db-kit';
import { createTestFileOrm } from '@ledgerline/test-kit';

const REFERENCE_ROWS = 10_000;

const ReferenceItem = defineEntity({
  name: 'ReferenceItem',
  tableName: 'reference_item',
  properties: { id: p.integer().primary(), name: p.string(), price: p.string(), updatedAt: p.datetime() },
});

async function ormApp(dir: string): Promise<{ app: Koa; orm: Orm }> {
  const orm = await createTestFileOrm([ReferenceItem], join(dir, 'reference.sqlite'));
  const em = orm.em.fork();
  for (let start = 1; start <= REFERENCE_ROWS; start += 1000) {
    await em.insertMany(ReferenceItem, Array.from({ length: 1000 }, (_, i) => ({ id: start + i, name: `Item ${start + i}`, price: `${(start + i) % 997}.25`, updatedAt: new Date(Date.UTC(2026, 0, 1)) })));
  }
  const app = new Koa();
  app.use(requestEntityManager(orm));
  app.use(async (ctx) => {
    const match = /^\/items\/(\d+)$/.exec(ctx.path);
    const item = match ? await (ctx.state.em as Em).findOne(ReferenceItem, { id: Number(match[1]) }) : null;
    if (!item) {
      ctx.status = 404;
      return;
    }
    ctx.body = { id: item.id, name: item.name, price: item.price, updatedAt: item.updatedAt.toISOString() };
  });
  return { app, orm };
}

function bareApp(): Koa {
  const app = new Koa();
  app.use((ctx) => {
    ctx.body = { hello: 'world' };
  });
  return app;
}

const [mode, dir] = process.argv.slice(2);
const { app, orm } = mode === 'orm' ? await ormApp(dir) : { app: bareApp(), orm: undefined };
const server: Server = await new Promise((resolve) => {
  const s = app.listen(0, '127.0.0.1', () => resolve(s));
});
process.once('SIGTERM', () => {
  server.closeAllConnections();
  server.close(async () => {
    await orm?.close(true);
    process.exit(0);
  });
});
console.log(`READY ${(server.address() as { port: number }).port}`);
