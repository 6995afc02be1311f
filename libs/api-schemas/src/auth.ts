import { z } from 'zod';
import { GOALS, RISK_TOLERANCES, ROLES } from './enums.ts';
import { timestamp } from './common.ts';


export const investmentProfile = z
  .strictObject({
    riskTolerance: z.enum(RISK_TOLERANCES),
    horizonYears: z.number().int().min(1).max(50),
    goals: z.array(z.enum(GOALS)).min(1).max(GOALS.length).refine((goals) => new Set(goals).size === goals.length, 'Goals must not repeat.'),
  })
  .meta({ id: 'InvestmentProfile' });
export type InvestmentProfile = z.output<typeof investmentProfile>;

const fullName = z.string().trim().min(1, 'Full name is required.').max(120);

/** POST /auth/register */
export const registerRequest = z
  .strictObject({
    email: z.string().trim().max(254).pipe(z.email('Enter a valid email address.')),
    password: z.string().min(1, 'Password is required.').max(1024),
    fullName,
    investmentProfile,
  })
  .meta({ id: 'RegisterRequest' });
export type RegisterRequest = z.input<typeof registerRequest>;

/** PATCH /users/me */
export const updateMeRequest = z
  .strictObject({
    fullName: fullName.optional(),
    investmentProfile: investmentProfile.partial().strict().optional(),
  })
  .refine((value) => value.fullName !== undefined || value.investmentProfile !== undefined, 'Send fullName and/or investmentProfile.')
  .meta({ id: 'UpdateMeRequest' });
export type UpdateMeRequest = z.input<typeof updateMeRequest>;

/** POST /auth/login */
export const loginRequest = z
  .strictObject({ email: z.string().trim().min(1, 'Email is required.').max(254), password: z.string().min(1, 'Password is required.').max(1024) })
  .meta({ id: 'Credentials' });
export type Credentials = z.input<typeof loginRequest>;

/** POST /auth/refresh and POST /auth/logout */
export const refreshRequest = z.strictObject({ refreshToken: z.string().min(1).max(200) }).meta({ id: 'RefreshRequest' });

/** The public shape of a user: never the password hash. */
export const user = z
  .strictObject({
    id: z.string(),
    email: z.string(),
    fullName: z.string(),
    role: z.enum(ROLES),
    active: z.boolean(),
    investmentProfile: z.strictObject({ riskTolerance: z.enum(RISK_TOLERANCES), horizonYears: z.number().int(), goals: z.array(z.enum(GOALS)) }),
    createdAt: timestamp,
    updatedAt: timestamp,
  })
  .meta({ id: 'User' });
export type User = z.output<typeof user>;

export const tokenPair = z
  .strictObject({ accessToken: z.string(), refreshToken: z.string(), tokenType: z.literal('Bearer'), expiresIn: z.number().int() })
  .meta({ id: 'TokenPair' });
export type TokenPair = z.output<typeof tokenPair>;

export const passwordRule = z.strictObject({ code: z.string(), text: z.string() });
export type PasswordRule = z.output<typeof passwordRule>;
export const passwordPolicy = z.strictObject({ rules: z.array(passwordRule) }).meta({ id: 'PasswordPolicy' });
export type PasswordPolicy = z.output<typeof passwordPolicy>;
