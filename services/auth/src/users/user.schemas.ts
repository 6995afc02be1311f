import type { z } from 'zod';
import type { registerRequest, updateMeRequest } from '@ledgerline/api-schemas';

// The request shapes are the public API's, defined once in @ledgerline/api-schemas (also used by the web UI).
export { GOALS, investmentProfile as investmentProfileSchema, registerRequest as registerSchema, updateMeRequest as updateProfileSchema } from '@ledgerline/api-schemas';
export type RegisterInput = z.output<typeof registerRequest>;
export type UpdateProfileInput = z.output<typeof updateMeRequest>;
