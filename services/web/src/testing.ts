/**
 * Test helper (never bundled into the app): a tiny in-process fake of the gateway on 127.0.0.1:0 that
 * records every request and answers from per-route handlers. Closed when the test ends.
 */
import { once } from 'node:events';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Koa, { type Context } from 'koa';

export interface SeenRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: Record<string, string | string[] | undefined>;
  /** Parsed JSON body, or undefined when none was sent. */
  body: unknown;
  rawBody: string;
}

export type FakeHandler = (ctx: Context, seen: SeenRequest) => unknown;

export interface FakeGateway {
  url: string;
  seen: SeenRequest[];
  /** Answers `METHOD /path` (exact path, query ignored); unrouted requests get a 404 problem. */
  on(route: string, handler: FakeHandler): void;
}

export interface Teardown {
  teardown(fn: () => unknown): void;
}

/** Sets a problem+json answer on ctx. */
export function problem(ctx: Context, status: number, code: string, detail?: string, errors?: { field: string; code: string; message: string }[]): void {
  ctx.status = status;
  ctx.type = 'application/problem+json';
  ctx.body = JSON.stringify({ type: `https://ledgerline.dev/problems/${code}`, title: code, status, code, detail, instance: ctx.path, errors });
}

/** Starts the fake gateway. */
export async function startFakeGateway(t: Teardown): Promise<FakeGateway> {
  const seen: SeenRequest[] = [];
  const routes = new Map<string, FakeHandler>();
  const app = new Koa();
  app.use(async (ctx) => {
    const chunks: Buffer[] = [];
    for await (const chunk of ctx.req) chunks.push(chunk as Buffer);
    const rawBody = Buffer.concat(chunks).toString('utf8');
    const query: Record<string, string> = {};
    for (const [name, value] of new URLSearchParams(ctx.querystring)) query[name] = value;
    const entry: SeenRequest = {
      method: ctx.method, path: ctx.path, query, headers: { ...ctx.headers }, rawBody, body: rawBody ? JSON.parse(rawBody) : undefined,
    };
    seen.push(entry);
    const handler = routes.get(`${ctx.method} ${ctx.path}`);
    if (handler) await handler(ctx, entry);
    else problem(ctx, 404, 'not_found', `No fake route for ${ctx.method} ${ctx.path}.`);
  });
  const server: Server = app.listen(0, '127.0.0.1');
  await once(server, 'listening');
  t.teardown(() => new Promise<void>((done) => {
    server.closeAllConnections();
    server.close(() => done());
  }));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen, on: (route, handler) => void routes.set(route, handler) };
}
