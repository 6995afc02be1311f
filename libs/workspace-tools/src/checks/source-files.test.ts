import test from 'ava';
import { fixtureTree } from './fixture-tree.ts';
import { parseSource } from './source-files.ts';

test('a file is parsed as TypeScript; with a name it must contain, a file without it is skipped, one with it parsed', (t) => {
  const root = fixtureTree(t, { 'a.ts': 'export const orm = { schema: 1 };', 'b.ts': 'export const x: number = 1;' });
  t.is(parseSource(root, 'b.ts').statements.length, 1);
  t.is(parseSource(root, 'b.ts', 'schema'), undefined);
  t.is(parseSource(root, 'a.ts', 'schema')?.fileName, 'a.ts');
});
