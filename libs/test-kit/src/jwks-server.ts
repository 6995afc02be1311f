/**
 * A JWKS endpoint on port 0, as the auth service publishes one, for tests of `remoteKeys` (the client every
 * service uses in production): swap the keys to rotate, count the fetches. Closed when the test ends.
 */
import type { Server } from 'node:http';
import Koa from 'koa';
import { remoteKeys, toJwks, type JsonWebKeySet, type KeyResolver } from '@ledgerline/auth-tokens';
import { createTestTokenIssuer, type TestTokenIssuer } from './tokens.ts';
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

export interface ServedIssuer {
  /** Signs as auth does, with the key currently published first. */
  issuer: TestTokenIssuer;
  jwks: JwksServer;
  /** `remoteKeys(jwks.url)` with its production defaults: what every service's main.ts builds. */
  keys: KeyResolver;
  /** Auth rotates: a new key signs from now on; the old one stays published. Returns the new issuer. */
  rotate(): Promise<TestTokenIssuer>;
}

/** A token issuer whose JWKS is served on port 0 and read through `remoteKeys`, as in production. */
export async function createServedIssuer(t: Teardown): Promise<ServedIssuer> {
  const issuer = await createTestTokenIssuer();
  const jwks = await serveJwks(t, issuer.jwks);
  const served: ServedIssuer = {
    issuer,
    jwks,
    keys: remoteKeys(jwks.url),
    async rotate() {
      const next = await createTestTokenIssuer();
      jwks.publish(toJwks([next.key, served.issuer.key]));
      served.issuer = next;
      return next;
    },
  };
  return served;
}
