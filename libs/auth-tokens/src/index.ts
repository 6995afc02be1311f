export { ISSUER, AUDIENCE, ALGORITHM, ACCESS_TOKEN_TTL_SECONDS, CLOCK_TOLERANCE_SECONDS, type Identity, type Role } from './claims.ts';
export { generateSigningKey, importSigningKey, exportPrivateJwk, toJwks, type SigningKey, type JsonWebKeySet } from './keys.ts';
export { signAccessToken, type AccessTokenInput } from './sign.ts';
export { verifyAccessToken, localKeys, bearerToken, type KeyResolver } from './verify.ts';
export { remoteKeys } from './remote.ts';
export { requireIdentity, requireAdminRole } from './middleware.ts';
export { createVerifiedTokenCache, type VerifiedTokenCache, type VerifiedTokenCacheOptions } from './verified-cache.ts';
