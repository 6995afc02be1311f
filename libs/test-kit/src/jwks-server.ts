/**
 * A JWKS endpoint on port 0, as the auth service publishes one, for tests of `remoteKeys` (the client every
 * service uses in production): swap the keys to rotate, count the fetches. Closed when the test ends.
 */
import type { Server } from 'node:http';
import Koa from 'koa';
import type { JsonWebKeySet } from '@ledgerline/auth-tokens';
import type { Teardown } from './test-orm.ts';

export interface JwksServer {
  url: string;
  /** How many times the key set was fetched. */
  readonly fetches: number;
  /** Publishes another key set from now on (key rotation). */
  publish(jwks: JsonWebKeySet): void;
}

export async function serveJwks(t: Teardown, jwks: JsonWebKeySet): Promise<JwksServer> {
  let current = jwks;
  let fetches = 0;
  const app = new Koa();
  app.use((ctx) => {
    if (ctx.path !== '/.well-known/jwks.json') return;
    fetches += 1;
    ctx.body = current;
  });
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  t.teardown(() => new Promise((done) => {
    server.closeAllConnections();
    server.close(() => done(undefined));
  }));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}/.well-known/jwks.json`,
    get fetches() {
      return fetches;
    },
    publish(next) {
      current = next;
    },
  };
}
