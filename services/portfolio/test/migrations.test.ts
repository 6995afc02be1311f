import test from 'ava';
import { localKeys } from '@ledgerline/auth-tokens';
import { createTestLogger, createTestTokenIssuer, registerMigrationTests } from '@ledgerline/test-kit';
import { migrations } from '../migrations/index.ts';
import { createApp } from '../src/app.ts';

const issuer = await createTestTokenIssuer();

registerMigrationTests(test, {
  migrations,
  app: (orm) => createApp({ orm, logger: createTestLogger('portfolio'), keys: localKeys(issuer.jwks) }),
  tokenFor: (_http, userId) => issuer.token({ userId }),
});
