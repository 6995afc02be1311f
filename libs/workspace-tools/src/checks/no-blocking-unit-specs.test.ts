import test from 'ava';
import { fixtureTree } from './fixture-tree.ts';
import { checkNoBlockingUnitSpecs, isUnitSpec } from './no-blocking-unit-specs.ts';

test('a unit spec starting a child process synchronously is reported, in every spelling, with its line', (t) => {
  const root = fixtureTree(t, {
    'libs/tools/src/cli.test.ts': [
      "import { execFileSync, spawnSync } from 'node:child_process';",
      "import * as cp from 'node:child_process';",
      "spawnSync(process.execPath, ['cli.ts']);",
      "const out = execFileSync('git', ['status']);",
      "cp.execSync('ls');",
    ],
  });
  t.deepEqual(checkNoBlockingUnitSpecs(root).map((v) => [v.file, v.line, v.message.split('(')[0]]), [
    ['libs/tools/src/cli.test.ts', 3, 'spawnSync'],
    ['libs/tools/src/cli.test.ts', 4, 'execFileSync'],
    ['libs/tools/src/cli.test.ts', 5, 'execSync'],
  ]);
});

test('asynchronous child processes, other sync calls and code outside unit specs are not reported', (t) => {
  const root = fixtureTree(t, {
    'libs/tools/src/ok.test.ts': ["import { execFile } from 'node:child_process';", "execFile('git', ['status'], () => {});", "readFileSync('x');"],
    'libs/tools/src/tool.ts': ["spawnSync('apt-get', ['--version']);"],
    'services/auth/test/provider.pact.test.ts': ["execFileSync('git', ['status']);"],
  });
  t.deepEqual(checkNoBlockingUnitSpecs(root), []);
  t.true(isUnitSpec('services/auth/src/users/register.test.ts'));
  t.false(isUnitSpec('services/auth/test/migrations.test.ts'));
});
