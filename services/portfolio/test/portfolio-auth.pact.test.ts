/**
 * Consumer contract: the portfolio service's token verification against the auth service's JWKS (writes
 * contracts/portfolio-auth.json). The key below is a real P-256 key generated once for this test only: the pact's
 * example is its public half, and its private half signs a token that the real remoteKeys must accept.
 */
import test from 'ava';
import { defineJwksConsumerTest } from '@ledgerline/contract-kit';

defineJwksConsumerTest(test, 'portfolio', {
  publicJwk: { kty: 'EC', crv: 'P-256', x: 'S_LcQ2hHJpFjKG5Hprtu-F9ImFaHI6WzInJ0rbhVDOI', y: 'ZZvoE87ydJz96mp4hkVEfdim1uahwka7G24egb4_VF4', kid: 'pact-jwks-portfolio', alg: 'ES256', use: 'sig' },
  privateD: 'llyisg10CHk7xrFxOMvh6LtSoStlcxULhl-nQp2AKtA',
});
