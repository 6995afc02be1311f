import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

/** scrypt cost parameters. Production default N=2^15; tests pass a low N to stay fast. */
export interface ScryptCost {
  N: number;
  r: number;
  p: number;
}

export const DEFAULT_SCRYPT_COST: ScryptCost = { N: 2 ** 15, r: 8, p: 1 };
/** The range `AUTH_SCRYPT_N` may set: from the unit tests' cost up to 2^20 (256 MiB of memory per hash at r = 8). */
export const SCRYPT_N_RANGE = { min: 2 ** 10, max: 2 ** 20 } as const;

/**
 * The cost from `AUTH_SCRYPT_N` (a power of two in SCRYPT_N_RANGE; r and p stay the default's), or the production
 * default when it is unset. A system started for browser tests sets it low — those tests are about screens, not
 * hashing, which auth's own tests prove at the production cost; a deployment leaves it unset.
 */
export function scryptCostFromEnv(value: string | undefined): ScryptCost {
  if (value === undefined || value.trim() === '') return DEFAULT_SCRYPT_COST;
  const N = Number(value);
  if (!Number.isInteger(N) || N < SCRYPT_N_RANGE.min || N > SCRYPT_N_RANGE.max || (N & (N - 1)) !== 0) {
    throw new Error(`AUTH_SCRYPT_N must be a power of two from ${SCRYPT_N_RANGE.min} to ${SCRYPT_N_RANGE.max}, got "${value}"`);
  }
  return { ...DEFAULT_SCRYPT_COST, N };
}
const KEY_LENGTH = 32;

function derive(password: string, salt: Buffer, cost: ScryptCost): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFKC'), salt, KEY_LENGTH, { ...cost, maxmem: 256 * cost.N * cost.r + 1024 * 1024 }, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

export interface PasswordHasher {
  hash(password: string): Promise<string>;
  verify(password: string, stored: string): Promise<boolean>;
}

/**
 * Hashes are self-describing (`scrypt$N$r$p$salt$key`), so a stored hash keeps verifying after the
 * configured cost changes.
 */
export function createPasswordHasher(cost: ScryptCost = DEFAULT_SCRYPT_COST): PasswordHasher {
  return {
    async hash(password) {
      const salt = randomBytes(16);
      const key = await derive(password, salt, cost);
      return ['scrypt', cost.N, cost.r, cost.p, salt.toString('base64url'), key.toString('base64url')].join('$');
    },
    async verify(password, stored) {
      const [scheme, N, r, p, salt, key] = stored.split('$');
      if (scheme !== 'scrypt' || !salt || !key) return false;
      const expected = Buffer.from(key, 'base64url');
      const actual = await derive(password, Buffer.from(salt, 'base64url'), { N: Number(N), r: Number(r), p: Number(p) });
      return actual.length === expected.length && timingSafeEqual(actual, expected);
    },
  };
}
