import test from 'ava';
import { generateSigningKey, localKeys, toJwks } from '@ledgerline/auth-tokens';
import { createTestLogger, createTestTokenIssuer, registerMigrationTests } from '@ledgerline/test-kit';
import { migrations } from '../migrations/index.ts';
import { createApp } from '../src/app.ts';

const issuer = await createTestTokenIssuer();
// The transaction service's key: reading back through the public API never needs it.
const transactionKey = await generateSigningKey();

registerMigrationTests(test, {
  migrations,
  app: (orm) => createApp({ orm, logger: createTestLogger('portfolio'), keys: localKeys(issuer.jwks), internalKeys: localKeys(toJwks([transactionKey])) }),
  tokenFor: (_http, userId) => issuer.token({ userId }),
});
