import type { Faker } from '@faker-js/faker';
import type { Orm } from '@ledgerline/db-kit';
import { createPasswordHasher } from '@ledgerline/auth';
import { registerUser } from '../../../services/auth/src/users/register.ts';
import type { ScryptCost } from '../../../services/auth/src/passwords/password-hasher.ts';
import type { RegisterInput } from '../../../services/auth/src/users/user.schemas.ts';
import type { Progress } from '../progress.ts';

/** Every seeded user has this password, so the load test can log any of them in. */
export const SEED_PASSWORD = 'Perf-Ledger-Line-2026';
/**
 * A low scrypt cost for seeded users (hashes are self-describing, so login verifies at this cost): the same
 * algorithm, fast enough to seed thousands of users and to make login measure the system, not scrypt.
 */
export const SEED_SCRYPT_COST: ScryptCost = { N: 1024, r: 8, p: 1 };
const CONCURRENCY = 8;

const GOALS = ['retirement', 'education', 'home_purchase', 'wealth_growth', 'income', 'capital_preservation', 'emergency_fund', 'other'] as const;

/** A deterministic, realistic registration for user number `index`. */
export function userRegistration(faker: Faker, index: number): RegisterInput {
  const first = faker.person.firstName();
  const last = faker.person.lastName();
  const clean = (name: string) => name.toLowerCase().replace(/[^a-z]/g, '') || 'x';
  return {
    email: `${clean(first)}.${clean(last)}.${index}@example.com`,
    password: SEED_PASSWORD,
    fullName: `${first} ${last}`,
    investmentProfile: {
      riskTolerance: faker.helpers.weightedArrayElement([
        { weight: 25, value: 'conservative' as const },
        { weight: 50, value: 'moderate' as const },
        { weight: 25, value: 'aggressive' as const },
      ]),
      horizonYears: faker.number.int({ min: 1, max: 40 }),
      goals: faker.helpers.arrayElements([...GOALS], { min: 1, max: 3 }),
    },
  };
}

/**
 * Registers users through the auth service's own registerUser use case (policy checks, normalised email,
 * scrypt hash), a few at a time so hashing overlaps. Returns the new user ids in input order.
 */
export async function registerUsers(orm: Orm, users: Array<{ input: RegisterInput; signedUpAt: Date }>, progress: Progress): Promise<string[]> {
  const hasher = createPasswordHasher(SEED_SCRYPT_COST);
  const ids: string[] = new Array(users.length);
  for (let start = 0; start < users.length; start += CONCURRENCY) {
    const chunk = users.slice(start, start + CONCURRENCY);
    await Promise.all(chunk.map(async ({ input, signedUpAt }, offset) => {
      const user = await registerUser(orm.em.fork(), hasher, signedUpAt, input);
      ids[start + offset] = user.id;
    }));
    progress.tick(chunk.length);
  }
  return ids;
}
