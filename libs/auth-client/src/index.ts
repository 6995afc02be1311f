export { AuthClient, type RegisterRequest } from './auth-client.ts';
export { userSchema, tokenPairSchema, type User, type TokenPair } from './schemas.ts';
