import test from 'ava';
import { createPasswordHasher, DEFAULT_SCRYPT_COST, scryptCostFromEnv } from './password-hasher.ts';

const fast = { N: 1024, r: 8, p: 1 };

test('a hash verifies the same password and nothing else', async (t) => {
  const hasher = createPasswordHasher(fast);
  const stored = await hasher.hash('Blue-Harbour-Lamp');
  t.true(await hasher.verify('Blue-Harbour-Lamp', stored));
  t.false(await hasher.verify('blue-harbour-lamp', stored));
  t.false(stored.includes('Blue'));
});

test('the same password hashes differently each time (random salt)', async (t) => {
  const hasher = createPasswordHasher(fast);
  t.not(await hasher.hash('Blue-Harbour-Lamp'), await hasher.hash('Blue-Harbour-Lamp'));
});

test('hashes carry their cost, so they keep verifying after the configured cost changes', async (t) => {
  const old = await createPasswordHasher(fast).hash('Blue-Harbour-Lamp');
  t.true(old.startsWith('scrypt$1024$8$1$'));
  t.true(await createPasswordHasher({ N: 2048, r: 8, p: 1 }).verify('Blue-Harbour-Lamp', old));
});

test('a malformed stored hash never verifies', async (t) => {
  const hasher = createPasswordHasher(fast);
  for (const stored of ['', 'plain', 'bcrypt$x$y', 'scrypt$1024$8$1$$']) t.false(await hasher.verify('x', stored));
});

test('AUTH_SCRYPT_N: unset or blank keeps the production cost; a power of two in range sets N only', (t) => {
  t.deepEqual(scryptCostFromEnv(undefined), DEFAULT_SCRYPT_COST);
  t.deepEqual(scryptCostFromEnv(' '), DEFAULT_SCRYPT_COST);
  t.deepEqual(scryptCostFromEnv('1024'), { N: 1024, r: 8, p: 1 });
  t.deepEqual(scryptCostFromEnv('1048576'), { N: 2 ** 20, r: 8, p: 1 });
});

test('AUTH_SCRYPT_N: anything else stops the service with a message naming the variable and the value', (t) => {
  for (const value of ['1000', '1536', '3000', '512', '2097152', '-1024', '1024.5', 'fast', '0x400x']) {
    const error = t.throws(() => scryptCostFromEnv(value));
    t.is(error?.message, `AUTH_SCRYPT_N must be a power of two from 1024 to 1048576, got "${value}"`);
  }
});
