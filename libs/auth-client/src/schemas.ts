import { z } from 'zod';

/** What callers of the auth service rely on (extra fields pass through untouched). */
export const userSchema = z.looseObject({
  id: z.string(),
  email: z.string(),
  fullName: z.string(),
  role: z.enum(['user', 'admin']),
  active: z.boolean(),
  investmentProfile: z.looseObject({ riskTolerance: z.string(), horizonYears: z.number(), goals: z.array(z.string()) }),
});
export type User = z.output<typeof userSchema>;

export const tokenPairSchema = z.looseObject({
  accessToken: z.string(),
  refreshToken: z.string(),
  tokenType: z.literal('Bearer'),
  expiresIn: z.number(),
});
export type TokenPair = z.output<typeof tokenPairSchema>;

export const passwordPolicySchema = z.looseObject({ rules: z.array(z.looseObject({ code: z.string(), text: z.string() })) });
export const jwksSchema = z.looseObject({ keys: z.array(z.looseObject({ kty: z.string() })) });
