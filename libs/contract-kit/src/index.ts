export { CONTRACTS_DIR, RESULTS_DIR, pactPath, resultPath } from './paths.ts';
export { listPacts, readPact, type PactFile, type PactInteraction } from './pacts.ts';
export { consumerPact } from './consumer.ts';
export { verifyPactsFor, type StateHandlers, type RunningProvider, type VerificationOptions, type ProviderResult } from './provider.ts';
export { verificationMatrix, formatMatrix, requiredBoundaries, type MatrixRow, type Boundary } from './matrix.ts';
export { MatchersV3 as Matchers } from '@pact-foundation/pact';
export { defineJwksConsumerTest, AUTH_ACCESS_TOKENS, TRANSACTION_SERVICE_TOKENS, type JwksIssuer } from './jwks-consumer.ts';
export { providerServer, serveProvider, type ProviderServer } from './provider-server.ts';
export { JSON_TYPE, PROBLEM_TYPE, BEARER, ISO, MONEY, DECIMAL } from './wire-matchers.ts';
