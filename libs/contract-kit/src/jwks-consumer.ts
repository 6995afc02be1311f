import type { JWK } from 'jose';
import {
  generateSigningKey, importSigningKey, remoteKeys, signAccessToken, signOnBehalfOfToken, TRANSACTION_TO_PORTFOLIO, verifyAccessToken, verifyOnBehalfOfToken,
  type KeyResolver, type SigningKey,
} from '@ledgerline/auth-tokens';
import { consumerPact } from './consumer.ts';
import { Matchers } from '@pact-foundation/pact';

const { eachLike, regex } = Matchers;
const JSON_TYPE = { 'Content-Type': regex('^application/json(; *charset=utf-8)?$', 'application/json; charset=utf-8') };
const COORDINATE = (example: string) => regex(/^[A-Za-z0-9_-]{43}$/, example);

interface SerialTest {
  serial(title: string, fn: (t: { like(actual: unknown, selector: object): void; throwsAsync(p: Promise<unknown>): Promise<unknown> }) => Promise<void>): void;
}

/** Whose keys: the tokens the provider signs, and how the consumer verifies them. */
export interface JwksIssuer {
  provider: string;
  /** What the keys verify, for the interaction's description. */
  tokens: string;
  sign(key: SigningKey): Promise<string>;
  verify(token: string, keys: KeyResolver): Promise<{ userId: string }>;
}

/** The auth service's access tokens (every service verifies them). */
export const AUTH_ACCESS_TOKENS: JwksIssuer = {
  provider: 'auth',
  tokens: 'access tokens',
  sign: (key) => signAccessToken(key, { userId: 'u-1', email: 'ada@example.test', role: 'user', sessionId: 's-1', ttlSeconds: 300, now: new Date() }),
  verify: (token, keys) => verifyAccessToken(token, keys),
};

/** The transaction service's on-behalf-of tokens (the portfolio's internal API verifies them). */
export const TRANSACTION_SERVICE_TOKENS: JwksIssuer = {
  provider: 'transaction',
  tokens: 'on-behalf-of tokens of the transaction service',
  sign: (key) => signOnBehalfOfToken(key, TRANSACTION_TO_PORTFOLIO, { userId: 'u-1', ttlSeconds: 60, now: new Date() }),
  verify: (token, keys) => verifyOnBehalfOfToken(token, keys, TRANSACTION_TO_PORTFOLIO),
};

/**
 * The JWKS consumer contract of a service that verifies tokens locally: drives the real `remoteKeys(url)`
 * (what main.ts uses) against the Pact mock server and writes contracts/<consumer>-<issuer.provider>.json.
 * `key` is a real P-256 key generated once for the test file: its public half is the pact's example, its
 * private half signs a token here, so a successful verification proves remoteKeys fetched and used the key;
 * a token signed by another key with the same kid must then fail.
 */
export function defineJwksConsumerTest(test: SerialTest, consumer: string, key: { publicJwk: JWK & { kid: string }; privateD: string }, issuer: JwksIssuer = AUTH_ACCESS_TOKENS): void {
  const pact = consumerPact(consumer, issuer.provider);
  const { sign, verify } = issuer;
  const jwk = key.publicJwk;
  test.serial('jwks: remoteKeys verifies a token with the published key', async (t) => {
    await pact.addInteraction()
      .uponReceiving(`a request for the JSON Web Key Set to verify ${issuer.tokens}`)
      .withRequest('GET', '/.well-known/jwks.json')
      .willRespondWith(200, (b) => b.headers(JSON_TYPE).jsonBody({
        keys: eachLike({
          kty: regex(/^EC$/, 'EC'),
          crv: regex(/^P-256$/, 'P-256'),
          x: COORDINATE(jwk.x!),
          y: COORDINATE(jwk.y!),
          kid: regex(/^\S+$/, jwk.kid),
          alg: regex(/^ES256$/, 'ES256'),
          use: regex(/^sig$/, 'sig'),
        }),
      }))
      .executeTest(async (mock) => {
        const keys = remoteKeys(`${mock.url}/.well-known/jwks.json`);
        const published = await importSigningKey({ ...jwk, d: key.privateD });
        t.like(await verify(await sign(published), keys), { userId: 'u-1' });
        const impostor = await generateSigningKey(jwk.kid);
        t.like(await t.throwsAsync(verify(await sign(impostor), keys)), { status: 401, code: 'invalid_token' });
      });
  });
}
