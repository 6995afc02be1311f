import { defineEntity, p } from '@mikro-orm/core';

import { RISK_TOLERANCES, ROLES, type Goal } from '@ledgerline/api-schemas';

export { RISK_TOLERANCES, ROLES, type RiskTolerance } from '@ledgerline/api-schemas';

/** The one definition of the `user` table. Owned by the auth service. */
export const UserSchema = defineEntity({
  name: 'User',
  tableName: 'user',
  properties: {
    id: p.string().primary(),
    email: p.string().unique(),
    passwordHash: p.string().hidden(),
    fullName: p.string(),
    role: p.enum(ROLES).default('user'),
    active: p.boolean().default(true),
    riskTolerance: p.enum(RISK_TOLERANCES),
    horizonYears: p.integer(),
    goals: p.json<Goal[]>(),
    createdAt: p.datetime(),
    updatedAt: p.datetime(),
    deactivatedAt: p.datetime().nullable(),
  },
});

export class User extends UserSchema.class {}
UserSchema.setClass(User);
