/**
 * A JWKS endpoint on port 0, as the auth service publishes one, for tests of `remoteKeys` (the client every
 * service uses in production): swap the keys to rotate, count the fetches. Closed when the test ends.
 */
import { remoteKeys, toJwks, type JsonWebKeySet, type KeyResolver } from '@ledgerline/auth-tokens';
import { createTestTokenIssuer, type TestTokenIssuer } from './tokens.ts';
import type { Teardown } from './test-orm.ts';
import { startFakeUpstream } from './fake-upstream.ts';

export interface JwksServer {
  url: string;
  /** How many times the key set was fetched. */
  readonly fetches: number;
  /** Publishes another key set from now on (key rotation). */
  publish(jwks: JsonWebKeySet): void;
}

export async function startJwksServer(t: Teardown, jwks: JsonWebKeySet): Promise<JwksServer> {
  let current = jwks;
  const path = '/.well-known/jwks.json';
  const upstream = await startFakeUpstream(t);
  upstream.on(`GET ${path}`, (ctx) => {
    ctx.body = current;
  });
  return {
    url: `${upstream.url}${path}`,
    get fetches() {
      return upstream.seen.filter((request) => request.path === path).length;
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
  /**
   * `remoteKeys(jwks.url)` as every service's main.ts builds it — production cache and cooldown — except the fetch
   * timeout: this JWKS is served by the same AVA worker that runs the project's other tests at the same time, so
   * under load its answer can wait behind them for more than the production 2 s; a timeout then measures the
   * worker's load, not the service. The timeout itself is proved in libs/auth-tokens/src/remote.test.ts.
   */
  keys: KeyResolver;
  /** Auth rotates: a new key signs from now on; the old one stays published. Returns the new issuer. */
  rotate(): Promise<TestTokenIssuer>;
}

const SERVED_JWKS_TIMEOUT_MS = 30_000;

/** A token issuer whose JWKS is served on port 0 and read through `remoteKeys`, as in production. */
export async function createServedIssuer(t: Teardown): Promise<ServedIssuer> {
  const issuer = await createTestTokenIssuer();
  const jwks = await startJwksServer(t, issuer.jwks);
  const served: ServedIssuer = {
    issuer,
    jwks,
    keys: remoteKeys(jwks.url, { timeoutMs: SERVED_JWKS_TIMEOUT_MS }),
    async rotate() {
      const next = await createTestTokenIssuer();
      jwks.publish(toJwks([next.key, served.issuer.key]));
      served.issuer = next;
      return next;
    },
  };
  return served;
}
