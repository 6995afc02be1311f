import test from 'ava';
import { generateSigningKey, localKeys, toJwks } from '@ledgerline/auth-tokens';
import { createTestLogger, createTestTokenIssuer, registerMigrationTests } from '@ledgerline/test-kit';
import { migrations } from '../migrations/index.ts';
import { createApp } from '../src/app.ts';
import { FakePortfolioClient } from '../src/testing.ts';

const issuer = await createTestTokenIssuer();
const signingKey = await generateSigningKey();

registerMigrationTests(test, {
  migrations,
  // Reading the history never calls the portfolio service.
  app: (orm) => createApp({ orm, logger: createTestLogger('transaction'), keys: localKeys(issuer.jwks), signingKey, portfolio: new FakePortfolioClient(localKeys(toJwks([signingKey]))) }),
  tokenFor: (_http, userId) => issuer.token({ userId }),
});
