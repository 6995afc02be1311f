import test from 'ava';
import { affectedCases, contractInputsCoverPacts, dependentsOf, formatTable, judge, pactProviders, readManifests, withTarget } from './affected.ts';
import { fixtureTree, manifest } from './fixture-tree.ts';

/** A small workspace shaped like Ledgerline: db-kit ← http-kit ← client ← gateway; auth verifies the gateway's pact. */
const workspace = {
  'package.json': JSON.stringify({ name: 'ws', workspaces: ['libs/*', 'services/*', 'e2e'] }),
  'libs/db-kit/package.json': manifest('@ledgerline/db-kit', { scripts: { test: 'ava' } }),
  'libs/http-kit/package.json': manifest('@ledgerline/http-kit', { scripts: { test: 'ava' }, dependencies: { '@ledgerline/db-kit': '*', koa: '^3' } }),
  'libs/auth-client/package.json': manifest('@ledgerline/auth-client', { scripts: { test: 'ava' }, dependencies: { '@ledgerline/http-kit': '*' } }),
  'services/gateway/package.json': manifest('@ledgerline/gateway', { scripts: { test: 'ava', contract: 'ava' }, dependencies: { '@ledgerline/auth-client': '*' } }),
  'services/auth/package.json': manifest('@ledgerline/auth', {
    scripts: { test: 'ava' },
    nx: { name: 'auth', implicitDependencies: ['gateway', '!e2e'], targets: { contract: {} } },
    devDependencies: { '@ledgerline/http-kit': '*' },
  }),
  'e2e/package.json': manifest('@ledgerline/e2e', { scripts: { typecheck: 'tsc' } }),
  'libs/notes/README.md': 'no package.json: not a project',
  'contracts/gateway-auth.json': '{}',
  'contracts/boundaries.json': '[]',
  'contracts/web-gateway.json': '{}',
};

test('projects, targets and declared dependencies come from the package.json files', (t) => {
  const manifests = readManifests(fixtureTree(t, workspace));
  t.deepEqual(manifests.map((m) => m.name).sort(), ['@ledgerline/auth-client', '@ledgerline/db-kit', '@ledgerline/e2e', '@ledgerline/gateway', '@ledgerline/http-kit', 'auth']);
  const auth = manifests.find((m) => m.name === 'auth')!;
  t.deepEqual(auth.targets, ['test', 'contract']);
  t.deepEqual(auth.dependsOn, ['@ledgerline/http-kit', 'gateway']);
  t.is(auth.root, 'services/auth');
});

test('dependents are transitive and follow implicit dependencies; the target filter keeps projects that have it', (t) => {
  const manifests = [
    { name: 'db-kit', root: 'libs/db-kit', targets: ['test'], dependsOn: [] },
    { name: 'http-kit', root: 'libs/http-kit', targets: ['test'], dependsOn: ['db-kit'] },
    { name: 'auth-client', root: 'libs/auth-client', targets: ['test'], dependsOn: ['http-kit'] },
    { name: 'gateway', root: 'services/gateway', targets: ['test', 'contract'], dependsOn: ['auth-client'] },
    { name: 'auth', root: 'services/auth', targets: ['test', 'contract'], dependsOn: ['gateway'] },
    { name: 'perf', root: 'perf', targets: ['typecheck'], dependsOn: ['auth'] },
  ];
  t.deepEqual(dependentsOf(manifests, 'auth-client'), ['auth', 'auth-client', 'gateway', 'perf']);
  t.deepEqual(dependentsOf(manifests, 'auth'), ['auth', 'perf']);
  t.deepEqual(withTarget(manifests, 'contract', dependentsOf(manifests, 'db-kit')), ['auth', 'gateway']);
});

test('a case holds when every required project is selected and nothing unexplained is', (t) => {
  const c = { file: 'libs/auth-client/src/auth-client.ts', target: 'contract', required: ['auth', 'gateway'], tolerated: { portfolio: 'verifies the gateway pact' } };
  t.deepEqual(judge(c, ['auth', 'gateway', 'portfolio']), { ok: true, missing: [], unexpected: [] });
  t.deepEqual(judge(c, ['gateway']), { ok: false, missing: ['auth'], unexpected: [] });
  t.deepEqual(judge(c, ['auth', 'gateway', 'web']), { ok: false, missing: [], unexpected: ['web'] });
});

test('pact files name their provider; boundaries.json and unknown providers are skipped', (t) => {
  const root = fixtureTree(t, workspace);
  t.deepEqual(pactProviders(root, ['auth', 'gateway']), [
    { file: 'contracts/gateway-auth.json', provider: 'auth' },
    { file: 'contracts/web-gateway.json', provider: 'gateway' },
  ]);
  t.deepEqual(pactProviders(root, ['auth']), [{ file: 'contracts/gateway-auth.json', provider: 'auth' }]);
});

test('the cases expect every dependent of a lib, and each pact file to select its provider', (t) => {
  const cases = affectedCases(fixtureTree(t, workspace));
  const pact = cases.find((c) => c.file === 'contracts/gateway-auth.json')!;
  t.deepEqual(pact.required, ['auth']);
  t.deepEqual(cases.find((c) => c.file === 'libs/auth-client/src/auth-client.ts')!.required, ['auth', 'gateway']);
  t.true(cases.some((c) => c.file === 'libs/http-kit/src/x.ts' && c.target === 'test'));
  t.true(cases.every((c) => c.required.length > 0 || c.file.startsWith('libs/http-kit')));
});

test("a provider's contract target must list its pacts as inputs", (t) => {
  t.true(contractInputsCoverPacts({ targets: { contract: { inputs: ['default', '{workspaceRoot}/contracts/*-auth.json'] } } }, 'auth'));
  t.false(contractInputsCoverPacts({ targets: { contract: { inputs: ['default', '^production'] } } }, 'auth'));
  t.false(contractInputsCoverPacts({ targets: {} }, 'auth'));
});

test('the table shows case, expected, actual and ok, notes under it, and a closing count', (t) => {
  const lines = formatTable([
    { label: 'a.ts → test', expected: 'x', actual: 'x', ok: true, notes: [] },
    { label: 'b.ts → contract', expected: 'x, y', actual: 'x', ok: false, notes: ['MISSING y'] },
  ]);
  t.is(lines[0], 'case             expected  actual  ok');
  t.is(lines[1], 'a.ts → test      x         x       yes');
  t.is(lines[2], 'b.ts → contract  x, y      x       NO');
  t.is(lines[3], '  b.ts → contract: MISSING y');
  t.is(lines.at(-1), 'affected: 2 cases, 1 mismatches');
});
