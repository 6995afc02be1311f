export {
  ISSUER, AUDIENCE, ALGORITHM, ACCESS_TOKEN_TTL_SECONDS, CLOCK_TOLERANCE_SECONDS, ON_BEHALF_OF_TYPE, TRANSACTION_TO_PORTFOLIO,
  type Identity, type Role, type OnBehalfOf, type OnBehalfOfParty,
} from './claims.ts';
export { generateSigningKey, importSigningKey, exportPrivateJwk, toJwks, type SigningKey, type JsonWebKeySet } from './keys.ts';
export { signAccessToken, type AccessTokenInput } from './sign.ts';
export { verifyAccessToken, localKeys, bearerToken, type KeyResolver } from './verify.ts';
export { signOnBehalfOfToken, verifyOnBehalfOfToken, onBehalfOfVerifier, requireOnBehalfOf, type OnBehalfOfInput, type OnBehalfOfVerifier } from './on-behalf-of.ts';
export { remoteKeys } from './remote.ts';
export { serveJwks, JWKS_PATH } from './jwks-endpoint.ts';
export { requireIdentity, requireAdminRole } from './middleware.ts';
export { createVerifiedTokenCache, type Verified, type VerifiedTokenCache, type VerifiedTokenCacheOptions } from './verified-cache.ts';
