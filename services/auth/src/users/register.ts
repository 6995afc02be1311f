import { randomUUID } from 'node:crypto';
import type { Em } from '@ledgerline/db-kit';
import { conflict, validationFailed } from '@ledgerline/http-kit';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { checkPassword } from '../passwords/password-policy.ts';
import type { PasswordHasher } from '../passwords/password-hasher.ts';
import { normaliseEmail } from './email.ts';
import { User } from './user.entity.ts';
import type { RegisterInput } from './user.schemas.ts';
import { userRepository } from './user.repository.ts';

const emailTaken = () =>
  conflict('email_taken', 'An account with this email already exists.', [{ field: 'email', code: 'email_taken', message: 'This email is already registered.' }]);

/** Registers a user with role `user` (admins are made by configuration, see bootstrapAdmin). */
export async function registerUser(em: Em, hasher: PasswordHasher, now: Date, input: RegisterInput, role: 'user' | 'admin' = 'user'): Promise<User> {
  const email = normaliseEmail(input.email);
  const weak = checkPassword(input.password, email);
  if (weak.length) throw validationFailed(weak, 'The password does not meet the rules.');
  const users = userRepository(em);
  if (await users.findByEmail(email)) throw emailTaken();
  const user = em.create(User, {
    id: randomUUID(),
    email,
    passwordHash: await hasher.hash(input.password),
    fullName: input.fullName,
    role,
    active: true,
    riskTolerance: input.investmentProfile.riskTolerance,
    horizonYears: input.investmentProfile.horizonYears,
    goals: input.investmentProfile.goals,
    createdAt: now,
    updatedAt: now,
    deactivatedAt: null,
  });
  try {
    await users.flush();
  } catch (error) {
    // Two registrations racing for one email: the unique index decides.
    if (error instanceof UniqueConstraintViolationException) throw emailTaken();
    throw error;
  }
  return user;
}
