import test from 'ava';
import { localKeys } from '@ledgerline/auth-tokens';
import { createTestLogger, createTestTokenIssuer, registerMigrationTests } from '@ledgerline/test-kit';
import { migrations } from '../migrations/index.ts';
import { createApp } from '../src/app.ts';
import { FakePortfolioClient } from '../src/testing.ts';

const issuer = await createTestTokenIssuer();

registerMigrationTests(test, {
  migrations,
  // Reading the history never calls the portfolio service.
  app: (orm) => createApp({ orm, logger: createTestLogger('transaction'), keys: localKeys(issuer.jwks), portfolio: new FakePortfolioClient() }),
  tokenFor: (_http, userId) => issuer.token({ userId }),
});
