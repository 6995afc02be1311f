import test from 'ava';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from './discover.ts';

test('the test runners run on the Node 24 pinned in the repo, not the machine Node', (t) => {
  const pinned = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')).devDependencies.node as string;
  t.is(process.versions.node, pinned, `running on ${process.versions.node}, repo pins ${pinned}`);
  t.is(process.versions.node.split('.')[0], '24');
});

test('type stripping is available (TypeScript runs without a build step)', (t) => {
  t.truthy(process.features.typescript);
});
