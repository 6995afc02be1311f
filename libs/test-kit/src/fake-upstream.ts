/**
 * An in-process fake HTTP service on port 0 that records every request — for testing HTTP clients and
 * the gateway without the real upstream. Closed when the test ends.
 */
import type { Server } from 'node:http';
import Koa, { type Context } from 'koa';
import { bodyParser } from '@koa/bodyparser';
import type { Teardown } from './test-orm.ts';

export interface Seen {
  method: string;
  path: string;
  query: Record<string, unknown>;
  headers: Record<string, string | string[] | undefined>;
  body: unknown;
}

export type FakeHandler = (ctx: Context) => unknown | Promise<unknown>;

export interface FakeUpstream {
  url: string;
  seen: Seen[];
  /** Answer `METHOD /path` (exact path) with a handler; anything unrouted answers 200 {"echo": true}. */
  on(route: string, handler: FakeHandler): void;
  /** Answer every unrouted request with this handler instead of the echo. */
  otherwise(handler: FakeHandler): void;
}

export async function startFakeUpstream(t: Teardown): Promise<FakeUpstream> {
  const seen: Seen[] = [];
  const routes = new Map<string, FakeHandler>();
  let fallback: FakeHandler = (ctx) => {
    ctx.body = { echo: true };
  };
  const app = new Koa();
  app.use(bodyParser());
  app.use(async (ctx) => {
    seen.push({ method: ctx.method, path: ctx.path, query: { ...ctx.query }, headers: { ...ctx.headers }, body: ctx.request.body });
    const handler = routes.get(`${ctx.method} ${ctx.path}`);
    await (handler ?? fallback)(ctx);
  });
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  t.teardown(() => new Promise((done) => {
    server.closeAllConnections();
    server.close(() => done(undefined));
  }));
  const { port } = server.address() as { port: number };
  return { url: `http://127.0.0.1:${port}`, seen, on: (route, handler) => routes.set(route, handler), otherwise: (handler) => {
    fallback = handler;
  } };
}

/**
 * A loopback URL where nothing listens: port 1 (tcpmux), which no test can be handed — servers bound to port 0
 * get an ephemeral port (32768 and up on Linux). A port that was bound and released is not safe: with every spec
 * of a project in one worker, another test's server can take it a moment later (seen in the gateway's suite).
 */
export async function closedPortUrl(): Promise<string> {
  return 'http://127.0.0.1:1';
}

