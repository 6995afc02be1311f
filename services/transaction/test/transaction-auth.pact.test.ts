/**
 * Consumer contract: the transaction service's token verification against the auth service's JWKS (writes
 * contracts/transaction-auth.json). The key below is a real P-256 key generated once for this test only: the pact's
 * example is its public half, and its private half signs a token that the real remoteKeys must accept.
 */
import test from 'ava';
import { defineJwksConsumerTest } from '@ledgerline/contract-kit';

defineJwksConsumerTest(test, 'transaction', {
  publicJwk: { kty: 'EC', crv: 'P-256', x: '05M5htBLmpztgB_MuK2HIv64T9kx3foV77Ow9kfc6eE', y: 'vlLt2iZ-oFW-DXOUnV8gn-BS_W0BHKc-EnvptYSCaoA', kid: 'pact-jwks-transaction', alg: 'ES256', use: 'sig' },
  privateD: 'lSRO5jqfq_GQuGJ8kKTR9gf_QOYgIFpbfjAAB5zbr10',
});
