import test from 'ava';
import { generateSigningKey } from '@ledgerline/auth-tokens';
import { createTestLogger, registerMigrationTests } from '@ledgerline/test-kit';
import { migrations } from '../migrations/index.ts';
import { createApp } from '../src/app.ts';

const signingKey = await generateSigningKey();

registerMigrationTests(test, {
  migrations,
  app: (orm) => createApp({ orm, logger: createTestLogger('auth'), signingKeys: [signingKey] }),
  // The fixture's users log in with the passwords they registered with: their hashes survived the upgrade.
  async tokenFor(http, userId, fixture) {
    const user = fixture.users.find((u) => u.id === userId)!;
    const login = await http.post('/auth/login').send({ email: user.email, password: user.password });
    if (login.status !== 200) throw new Error(`${user.email} cannot log in after the upgrade: ${login.status} ${JSON.stringify(login.body)}`);
    return login.body.accessToken as string;
  },
});
