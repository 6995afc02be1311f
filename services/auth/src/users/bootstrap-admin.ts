import type { Orm } from '@ledgerline/db-kit';
import type { PasswordHasher } from '../passwords/password-hasher.ts';
import { normaliseEmail } from './email.ts';
import { registerUser } from './register.ts';
import { userRepository } from './user.repository.ts';

/** Creates the configured admin account on start-up when it does not exist yet (idempotent). */
export async function bootstrapAdmin(orm: Orm, hasher: PasswordHasher, now: Date, admin: { email: string; password: string; fullName: string }): Promise<'created' | 'exists'> {
  const em = orm.em.fork();
  if (await userRepository(em).findByEmail(normaliseEmail(admin.email))) return 'exists';
  await registerUser(em, hasher, now, {
    email: admin.email,
    password: admin.password,
    fullName: admin.fullName,
    investmentProfile: { riskTolerance: 'moderate', horizonYears: 10, goals: ['other'] },
  }, 'admin');
  return 'created';
}
