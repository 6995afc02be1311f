import type { User as UserView } from '@ledgerline/api-schemas';
import type { User } from './user.entity.ts';

/** The public shape of a user: never the password hash. */
export function toUserView(user: User): UserView {
  return {
    id: user.id,
    email: user.email,
    fullName: user.fullName,
    role: user.role,
    active: user.active,
    investmentProfile: { riskTolerance: user.riskTolerance, horizonYears: user.horizonYears, goals: [...user.goals] },
    createdAt: user.createdAt.toISOString(),
    updatedAt: user.updatedAt.toISOString(),
  };
}
