import test from 'ava';
import { checkNoModuleLevelInstances, isProductionFile } from './no-module-level-instances.ts';
import { fixtureTree } from './fixture-tree.ts';

const registry = [
  "import { MikroORM } from '@mikro-orm/sqlite';",
  "import { openOrm } from '@ledgerline/db-kit';",
  "const orm = await openOrm({ dbName: ':memory:', entities: [] });",
  'export const em = orm.em;',
  'const fork = orm.em.fork();',
  "const client = new HttpPortfolioClient({ baseUrl: 'http://127.0.0.1:4002' });",
  'const users = new UserRepository(fork);',
  'const manager = new SqlEntityManager();',
  'const other = await MikroORM.init({});',
  'const app = createApp({ orm });',
  "const keys = remoteKeys('http://127.0.0.1:4001/.well-known/jwks.json');",
  "const jwks = createRemoteJWKSet(new URL('http://127.0.0.1:4001'));",
  'export default new AuthClient({});',
];

test('every kind of connection- or request-holding module-level value is reported with its line', (t) => {
  const root = fixtureTree(t, { 'services/portfolio/src/registry.ts': registry });
  const violations = checkNoModuleLevelInstances(root);
  t.deepEqual(violations.map((v) => v.line), [3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13]);
  t.regex(violations[0].message, /'orm' holds openOrm\(\) at module scope/);
  t.regex(violations[3].message, /'client' holds new HttpPortfolioClient\(\)/);
  t.regex(violations.at(-1)!.message, /the default export holds new AuthClient\(\)/);
});

test('a module-level let filled later by a lazy getter is the same singleton (seed 004)', (t) => {
  const root = fixtureTree(t, {
    'libs/http-kit/src/registry.ts': [
      'let cached: Orm | undefined;',
      'export async function getOrm() {',
      '  cached ??= await openOrm({});',
      '  return cached;',
      '}',
      'export function local() {',
      '  let cached;',
      '  cached = new PortfolioClient();',
      '  return cached;',
      '}',
    ],
  });
  t.deepEqual(checkNoModuleLevelInstances(root).map((v) => [v.line, v.message.split(' at module')[0]]), [[3, "module-level 'cached' (assigned here) holds openOrm()"]]);
});

test('constants, factories and per-request work are fine', (t) => {
  const root = fixtureTree(t, {
    'services/auth/src/users/user.schemas.ts': [
      "import { z } from 'zod';",
      'const EMAIL = /^[^@]+@[^@]+$/;',
      'export const RegisterSchema = z.strictObject({ email: z.string().regex(EMAIL) });',
      'export const SETTINGS = Object.freeze({ accessTokenTtlSeconds: 900 });',
      'export const makeClient = (baseUrl: string) => new PortfolioClient({ baseUrl });',
      'export function handler(ctx: Ctx) { const em = ctx.state.orm.em.fork(); return em; }',
      'export class Service { em = createEm(); }',
      'const OPTIONAL = new Set([1, 2]);',
    ],
  });
  t.deepEqual(checkNoModuleLevelInstances(root), []);
});

test('entry points, test helpers, tests and the tool libs are out of scope', (t) => {
  t.true(isProductionFile('services/auth/src/app.ts'));
  t.true(isProductionFile('libs/db-kit/src/open-orm.ts'));
  for (const file of ['services/auth/src/main.ts', 'services/auth/src/testing.ts', 'services/auth/src/app.test.ts', 'services/auth/test/support/x.ts', 'libs/test-kit/src/test-orm.ts', 'libs/contract-kit/src/provider.ts', 'libs/system-kit/src/system.ts', 'libs/workspace-tools/src/start.ts', 'perf/src/seed.ts', 'e2e/global-setup.ts']) {
    t.false(isProductionFile(file), file);
  }
  const root = fixtureTree(t, { 'services/auth/src/main.ts': registry, 'libs/test-kit/src/test-orm.ts': registry });
  t.deepEqual(checkNoModuleLevelInstances(root), []);
});
