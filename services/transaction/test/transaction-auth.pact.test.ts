/**
 * Consumer contract: the transaction service's token verification against the auth service's JWKS. Drives the
 * real `remoteKeys(url)` (what main.ts uses) against the Pact mock server; writes contracts/transaction-auth.json.
 *
 * The example key is a real P-256 public JWK generated once for this test; its private half (test-only, never
 * used anywhere else) signs a token here, so a successful verifyAccessToken proves remoteKeys fetched and used
 * the key from the JWKS. A token signed by another key with the same kid must then fail.
 */
import test from 'ava';
import { generateSigningKey, importSigningKey, remoteKeys, signAccessToken, verifyAccessToken, type SigningKey } from '@ledgerline/auth-tokens';
import { consumerPact, Matchers } from '@ledgerline/contract-kit';

const { eachLike, regex } = Matchers;
const pact = consumerPact('transaction', 'auth');

const JSON_TYPE = { 'Content-Type': regex('^application/json(; *charset=utf-8)?$', 'application/json; charset=utf-8') };
const PUBLIC_JWK = { kty: 'EC', crv: 'P-256', x: '05M5htBLmpztgB_MuK2HIv64T9kx3foV77Ow9kfc6eE', y: 'vlLt2iZ-oFW-DXOUnV8gn-BS_W0BHKc-EnvptYSCaoA', kid: 'pact-jwks-transaction', alg: 'ES256', use: 'sig' };
const PRIVATE_D = 'lSRO5jqfq_GQuGJ8kKTR9gf_QOYgIFpbfjAAB5zbr10';
const COORDINATE = (example: string) => regex(/^[A-Za-z0-9_-]{43}$/, example);

const sign = (key: SigningKey) =>
  signAccessToken(key, { userId: 'u-1', email: 'ada@example.test', role: 'user', sessionId: 's-1', ttlSeconds: 300, now: new Date() });

test.serial('jwks: remoteKeys verifies a token with the published key', async (t) => {
  await pact.addInteraction()
    .uponReceiving('a request for the JSON Web Key Set to verify access tokens')
    .withRequest('GET', '/.well-known/jwks.json')
    .willRespondWith(200, (b) => b.headers(JSON_TYPE).jsonBody({
      keys: eachLike({
        kty: regex(/^EC$/, PUBLIC_JWK.kty),
        crv: regex(/^P-256$/, PUBLIC_JWK.crv),
        x: COORDINATE(PUBLIC_JWK.x),
        y: COORDINATE(PUBLIC_JWK.y),
        kid: regex(/^\S+$/, PUBLIC_JWK.kid),
        alg: regex(/^ES256$/, PUBLIC_JWK.alg),
        use: regex(/^sig$/, PUBLIC_JWK.use),
      }),
    }))
    .executeTest(async (mock) => {
      const keys = remoteKeys(`${mock.url}/.well-known/jwks.json`);
      const published = await importSigningKey({ ...PUBLIC_JWK, d: PRIVATE_D });
      t.like(await verifyAccessToken(await sign(published), keys), { userId: 'u-1', role: 'user' });
      const impostor = await generateSigningKey(PUBLIC_JWK.kid);
      t.like(await t.throwsAsync(verifyAccessToken(await sign(impostor), keys)), { status: 401, code: 'invalid_token' });
    });
});
