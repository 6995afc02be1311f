import { z } from 'zod';
import * as api from '@ledgerline/api-schemas';

/**
 * The auth service's answers as the gateway reads them: the public API's own schemas (@ledgerline/api-schemas), read
 * tolerantly — every documented field checked, fields a newer service adds passed on.
 */
export const userSchema = api.tolerant(api.user);
export const tokenPairSchema = api.tolerant(api.tokenPair);
export const passwordPolicySchema = api.tolerant(api.passwordPolicy);
export type { TokenPair, User } from '@ledgerline/api-schemas';

/** GET /.well-known/jwks.json (RFC 7517; not part of the gateway's API): keys with at least their type. */
export const jwksSchema = z.looseObject({ keys: z.array(z.looseObject({ kty: z.string() })) });
