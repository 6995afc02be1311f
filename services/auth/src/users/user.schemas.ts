import { z } from 'zod';
import { RISK_TOLERANCES } from './user.entity.ts';

export const GOALS = ['retirement', 'education', 'home_purchase', 'wealth_growth', 'income', 'capital_preservation', 'emergency_fund', 'other'] as const;

export const investmentProfileSchema = z.strictObject({
  riskTolerance: z.enum(RISK_TOLERANCES),
  horizonYears: z.number().int().min(1).max(50),
  goals: z.array(z.enum(GOALS)).min(1).max(GOALS.length).refine((goals) => new Set(goals).size === goals.length, 'Goals must not repeat.'),
});

const fullName = z.string().trim().min(1, 'Full name is required.').max(120);

export const registerSchema = z.strictObject({
  email: z.string().trim().max(254).pipe(z.email('Enter a valid email address.')),
  password: z.string().min(1, 'Password is required.').max(1024),
  fullName,
  investmentProfile: investmentProfileSchema,
});
export type RegisterInput = z.output<typeof registerSchema>;

export const updateProfileSchema = z
  .strictObject({
    fullName: fullName.optional(),
    investmentProfile: investmentProfileSchema.partial().strict().optional(),
  })
  .refine((value) => value.fullName !== undefined || value.investmentProfile !== undefined, 'Send fullName and/or investmentProfile.');
export type UpdateProfileInput = z.output<typeof updateProfileSchema>;
