import test from 'ava';
import { createPasswordHasher } from './password-hasher.ts';

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
