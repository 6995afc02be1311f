import type { Em } from '@ledgerline/db-kit';
import type { User } from './user.entity.ts';
import type { UpdateProfileInput } from './user.schemas.ts';

/** Applies a partial profile update to the caller's own user. */
export async function updateProfile(em: Em, user: User, input: UpdateProfileInput, now: Date): Promise<User> {
  if (input.fullName !== undefined) user.fullName = input.fullName;
  const profile = input.investmentProfile;
  if (profile?.riskTolerance !== undefined) user.riskTolerance = profile.riskTolerance;
  if (profile?.horizonYears !== undefined) user.horizonYears = profile.horizonYears;
  if (profile?.goals !== undefined) user.goals = profile.goals;
  user.updatedAt = now;
  await em.flush();
  return user;
}
