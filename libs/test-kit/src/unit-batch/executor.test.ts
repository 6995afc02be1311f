import test from 'ava';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createTempDir } from '../temp-db.ts';
import { batchResults, failingProjects, projectOutput, type Context } from './executor.ts';

const REPO_ROOT = resolve(fileURLToPath(new URL('../../../..', import.meta.url)));

/** Two throw-away projects with one spec each; `bad` fails when asked to. */
function projects(t: { teardown: (fn: () => void) => void }, badFails: boolean): Context {
  const temp = createTempDir();
  t.teardown(() => temp.remove());
  const spec = (pass: boolean) => `import test from 'ava';\ntest('checks a thing', (t) => { t.${pass ? 'pass' : 'fail'}(); });\n`;
  for (const [name, pass] of [['good', true], ['bad', !badFails]] as const) {
    mkdirSync(join(temp.dir, name, 'src'), { recursive: true });
    writeFileSync(join(temp.dir, name, 'package.json'), '{"ava":{"timeout":"20s"}}');
    writeFileSync(join(temp.dir, name, 'src', 'thing.test.ts'), spec(pass));
  }
  return { root: REPO_ROOT, projectsConfigurations: { projects: { good: { root: join(temp.dir, 'good') }, bad: { root: join(temp.dir, 'bad') } } } };
}

const tasks = [
  { id: 'good:test', target: { project: 'good' } },
  { id: 'bad:test', target: { project: 'bad' } },
];

test('a passing batch passes each task, and each task keeps only its own tests as its output', async (t) => {
  const results = await batchResults(tasks, projects(t, false), false);
  t.deepEqual(Object.keys(results), ['good:test', 'bad:test']);
  t.true(results['good:test'].success && results['bad:test'].success);
  t.regex(results['good:test'].terminalOutput, /✔ .*good › thing › checks a thing/);
  t.notRegex(results['good:test'].terminalOutput, /bad › /);
  t.regex(results['good:test'].terminalOutput, /1 test passed \(good, in a unit batch\)/);
});

test('one failing test fails every task of the batch, so nothing is cached as passing that did not pass', async (t) => {
  const results = await batchResults(tasks, projects(t, true), false);
  t.false(results['bad:test'].success);
  t.false(results['good:test'].success);
  t.regex(results['good:test'].terminalOutput, /✘ .*bad › thing › checks a thing/);
});

test('a line belongs to the first segment of its title, with or without the worker in front: failures are named, outputs kept apart', (t) => {
  const output = [
    '  ✔ worker-1 › web › ok',
    '  ✔ worker-2 › gateway › web › static › served',
    '  ✘ [fail]: worker-2 › portfolio › pnl › valuation › values Rejected promise',
    '  ✘ [fail]: http-kit › base-app › 404',
    '  ✘ [fail]: worker-1 › unknown › x',
  ].join('\n');
  t.deepEqual(failingProjects(output, ['web', 'portfolio', 'http-kit', 'gateway']), ['portfolio', 'http-kit']);
  t.is(projectOutput(output, 'web'), '  ✔ worker-1 › web › ok\n\n  1 test passed (web, in a unit batch)\n');
});
