import test from 'ava';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createTempDir } from '../temp-db.ts';
import { batchResults, failingProjects, projectOutput, taskLabel, waves, type Context } from './executor.ts';
import { CPU_FILE_ENV } from './plan.ts';

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
  { id: 'good:test', target: { project: 'good', target: 'test' } },
  { id: 'bad:test', target: { project: 'bad', target: 'test' } },
];
const options = { 'good:test': { specs: 'src/**/*.test.ts' }, 'bad:test': {} };

test('a passing batch passes each task, and each task keeps only its own tests as its output', async (t) => {
  const context = projects(t, false);
  const cpuFile = join(context.projectsConfigurations.projects.good.root, '..', 'cpu.jsonl');
  const results = await batchResults(tasks, options, context, false, { [CPU_FILE_ENV]: cpuFile });
  t.deepEqual(Object.keys(results), ['good:test', 'bad:test']);
  t.true(results['good:test'].success && results['bad:test'].success);
  t.regex(results['good:test'].terminalOutput, /✔ .*good › thing › checks a thing/);
  t.notRegex(results['good:test'].terminalOutput, /bad › /);
  t.regex(results['good:test'].terminalOutput, /1 test passed \(good, in a batch\)/);
  // With LEDGERLINE_AVA_CPU_FILE each worker recorded its tasks and the CPU they took (what bench:weights reads).
  const records = readFileSync(cpuFile, 'utf8').trim().split('\n').map((line) => JSON.parse(line) as { tasks: string[]; cpuSeconds: number });
  t.deepEqual(records.map((r) => r.tasks).sort(), [['bad'], ['good']]);
  t.true(records.every((r) => r.cpuSeconds > 0 && r.cpuSeconds < 60));
});

test('one failing test fails every task of the batch, so nothing is cached as passing that did not pass', async (t) => {
  const results = await batchResults(tasks, options, projects(t, true), false);
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
  t.is(projectOutput(output, 'web'), '  ✔ worker-1 › web › ok\n\n  1 test passed (web, in a batch)\n');
});

test('a task other than test is labelled project:target, so a batch holding gateway:test and gateway:pact keeps them apart', async (t) => {
  t.is(taskLabel('gateway', 'test'), 'gateway');
  t.is(taskLabel('gateway', 'pact'), 'gateway:pact');
  const context = projects(t, false);
  const results = await batchResults(
    [
      { id: 'good:test', target: { project: 'good', target: 'test' } },
      { id: 'good:pact', target: { project: 'good', target: 'pact' } },
    ],
    { 'good:test': {}, 'good:pact': { specs: 'src/thing.test.ts' } },
    context,
    false,
  );
  t.regex(results['good:pact'].terminalOutput, /good:pact › thing › checks a thing[\s\S]*1 test passed \(good:pact, in a batch\)/);
  t.regex(results['good:test'].terminalOutput, /1 test passed \(good, in a batch\)/);
});

test('tasks with workerThreads: false (pact, contract) run each worker in a process of its own: no two share Pact\'s core', async (t) => {
  const temp = createTempDir();
  t.teardown(() => temp.remove());
  // Each spec records the process it ran in, and whether it ran on that process's main thread (not a worker thread).
  const spec = (name: string) =>
    `import test from 'ava';\nimport { writeFileSync } from 'node:fs';\nimport { isMainThread } from 'node:worker_threads';\n` +
    `test('records its process', (t) => { writeFileSync(${JSON.stringify(join(temp.dir, 'ran'))} + '/${name}', JSON.stringify({ pid: process.pid, isMainThread })); t.pass(); });\n`;
  mkdirSync(join(temp.dir, 'ran'));
  for (const name of ['one', 'two']) {
    mkdirSync(join(temp.dir, name, 'test'), { recursive: true });
    writeFileSync(join(temp.dir, name, 'package.json'), '{"ava":{"timeout":"20s"}}');
    writeFileSync(join(temp.dir, name, 'test', 'provider.pact.test.ts'), spec(name));
  }
  const context: Context = { root: REPO_ROOT, projectsConfigurations: { projects: { one: { root: join(temp.dir, 'one') }, two: { root: join(temp.dir, 'two') } } } };
  const contract = { specs: 'test/provider.pact.test.ts', workerThreads: false };
  const results = await batchResults(
    [
      { id: 'one:contract', target: { project: 'one', target: 'contract' } },
      { id: 'two:contract', target: { project: 'two', target: 'contract' } },
    ],
    { 'one:contract': contract, 'two:contract': contract },
    context,
    false,
  );
  t.true(results['one:contract'].success && results['two:contract'].success);
  const ran = readdirSync(join(temp.dir, 'ran')).map((name) => JSON.parse(readFileSync(join(temp.dir, 'ran', name), 'utf8')) as { pid: number; isMainThread: boolean });
  t.is(ran.length, 2);
  t.true(ran.every((r) => r.isMainThread), 'each worker is a process, not a worker thread');
  t.not(ran[0].pid, ran[1].pid);
});

test('a batch runs in waves: a task after the tasks of the batch it depends on; dependencies outside it have run', (t) => {
  const task = (id: string) => ({ id, target: { project: id.split(':')[0], target: id.split(':')[1] } });
  const tasks = Object.fromEntries(['web:pact', 'gateway:pact', 'gateway:contract', 'auth:contract'].map((id) => [id, task(id)]));
  const dependencies = { 'gateway:contract': ['gateway:pact', 'web:pact'], 'auth:contract': ['gateway:pact', 'auth:build'], 'web:pact': [], 'gateway:pact': [] };
  t.deepEqual(
    waves({ tasks, dependencies }).map((wave) => wave.map((x) => x.id)),
    [
      ['web:pact', 'gateway:pact'],
      ['gateway:contract', 'auth:contract'],
    ],
  );
  t.throws(() => waves({ tasks: { 'a:x': task('a:x'), 'b:x': task('b:x') }, dependencies: { 'a:x': ['b:x'], 'b:x': ['a:x'] } }), { message: /a:x, b:x depend on each other in a cycle/ });
});
