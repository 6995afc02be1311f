/**
 * Consumer contract: the portfolio service's verification of the transaction service's on-behalf-of tokens (the only
 * tokens its /internal/* API accepts) against the transaction service's JWKS (TRANSACTION_JWKS_URL; writes
 * contracts/portfolio-transaction.json). The key below is a real P-256 key generated once for this test only: the
 * pact's example is its public half, and its private half signs a token that the real remoteKeys must accept.
 */
import test from 'ava';
import { defineJwksConsumerTest, TRANSACTION_SERVICE_TOKENS } from '@ledgerline/contract-kit';

defineJwksConsumerTest(test, 'portfolio', {
  publicJwk: { kty: 'EC', crv: 'P-256', x: 'mGfIOLtKVpRQJLKogxGnMlmQSjzGP0gX2sjyZLyhb7g', y: 'bSIGOsTbcOVM4ssdlLjk3w2LzgAQ_4wf2nLP7wVGPus', kid: 'pact-jwks-portfolio-transaction', alg: 'ES256', use: 'sig' },
  privateD: 'iZ1ynUhoD_zFoMfcKJmqCTTVmyxaZRSePjAJLvFYk0Q',
}, TRANSACTION_SERVICE_TOKENS);
