import type { User } from './user.entity.ts';

export interface UserView {
  id: string;
  email: string;
  fullName: string;
  role: 'user' | 'admin';
  active: boolean;
  investmentProfile: { riskTolerance: string; horizonYears: number; goals: string[] };
  createdAt: string;
  updatedAt: string;
}

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
