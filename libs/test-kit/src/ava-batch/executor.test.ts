import test from 'ava';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createTempDir } from '../temp-db.ts';
import { batchResults, failingProjects, projectOutput, taskLabel, waves, type Context } from './executor.ts';
import { CPU_FILE_ENV } from './plan.ts';

const REPO_ROOT = resolve(fileURLToPath(new URL('../../../..', import.meta.url)));

const spec = (pass: boolean) => `import test from 'ava';\ntest('checks a thing', (t) => { t.${pass ? 'pass' : 'fail'}(); });\n`;

/** A throw-away project `name` under `dir` with one spec at `file` (relative to the project). */
function project(dir: string, name: string, file: string, source: string): string {
  mkdirSync(join(dir, name, dirname(file)), { recursive: true });
  writeFileSync(join(dir, name, 'package.json'), '{"ava":{"timeout":"20s"}}');
  writeFileSync(join(dir, name, file), source);
  return join(dir, name);
}

/**
 * One passing batch that three tests read (each run of a batch is an AVA process with two workers: about 0.7 s of
 * CPU): `good` and `bad` with a unit spec each, `good`'s pact target, and two contract tasks whose specs record the
 * process they ran in and whether on its main thread. Their `workerThreads: false` makes every worker of the batch a
 * process. With LEDGERLINE_AVA_CPU_FILE each worker records its tasks and their CPU.
 */
const passingBatch = (() => {
  const temp = createTempDir();
  test.after.always(() => temp.remove());
  const ran = join(temp.dir, 'ran');
  const cpuFile = join(temp.dir, 'cpu.jsonl');
  const recorder = (name: string) =>
    `import test from 'ava';\nimport { writeFileSync } from 'node:fs';\nimport { isMainThread } from 'node:worker_threads';\n` +
    `test('records its process', (t) => { writeFileSync(${JSON.stringify(ran)} + '/${name}', JSON.stringify({ pid: process.pid, isMainThread })); t.pass(); });\n`;
  let run: Promise<{ results: Record<string, { success: boolean; terminalOutput: string }>; ran: Array<{ pid: number; isMainThread: boolean }>; cpu: Array<{ tasks: string[]; cpuSeconds: number }> }> | undefined;
  return () =>
    (run ??= (async () => {
      mkdirSync(ran);
      const roots = {
        good: project(temp.dir, 'good', 'src/thing.test.ts', spec(true)),
        bad: project(temp.dir, 'bad', 'src/thing.test.ts', spec(true)),
        one: project(temp.dir, 'one', 'test/provider.pact.test.ts', recorder('one')),
        two: project(temp.dir, 'two', 'test/provider.pact.test.ts', recorder('two')),
      };
      const context: Context = { root: REPO_ROOT, projectsConfigurations: { projects: Object.fromEntries(Object.entries(roots).map(([name, root]) => [name, { root }])) } };
      const contract = { specs: 'test/provider.pact.test.ts', workerThreads: false };
      const results = await batchResults(
        [
          { id: 'good:test', target: { project: 'good', target: 'test' } },
          { id: 'bad:test', target: { project: 'bad', target: 'test' } },
          { id: 'good:pact', target: { project: 'good', target: 'pact' } },
          { id: 'one:contract', target: { project: 'one', target: 'contract' } },
          { id: 'two:contract', target: { project: 'two', target: 'contract' } },
        ],
        { 'good:test': { specs: 'src/**/*.test.ts' }, 'bad:test': {}, 'good:pact': { specs: 'src/thing.test.ts' }, 'one:contract': contract, 'two:contract': contract },
        context,
        false,
        { [CPU_FILE_ENV]: cpuFile },
      );
      const lines = (file: string) => readFileSync(file, 'utf8').trim().split('\n');
      return {
        results,
        ran: readdirSync(ran).map((name) => JSON.parse(lines(join(ran, name))[0]) as { pid: number; isMainThread: boolean }),
        cpu: lines(cpuFile).map((line) => JSON.parse(line) as { tasks: string[]; cpuSeconds: number }),
      };
    })());
})();

test('a passing batch passes each task, and each task keeps only its own tests as its output', async (t) => {
  const { results, cpu } = await passingBatch();
  t.deepEqual(Object.keys(results), ['good:test', 'bad:test', 'good:pact', 'one:contract', 'two:contract']);
  t.true(Object.values(results).every((result) => result.success));
  t.regex(results['good:test'].terminalOutput, /✔ .*good › thing › checks a thing/);
  t.notRegex(results['good:test'].terminalOutput, /bad › /);
  t.regex(results['good:test'].terminalOutput, /1 test passed \(good, in a batch\)/);
  // With LEDGERLINE_AVA_CPU_FILE each worker recorded its tasks and the CPU they took (what bench:weights reads).
  t.deepEqual(cpu.flatMap((record) => record.tasks).sort(), ['bad', 'good', 'good:pact', 'one:contract', 'two:contract']);
  t.is(cpu.length, 2);
  t.true(cpu.every((record) => record.cpuSeconds > 0 && record.cpuSeconds < 60));
});

test('one failing test fails every task of the batch, so nothing is cached as passing that did not pass', async (t) => {
  const temp = createTempDir();
  t.teardown(() => temp.remove());
  const context: Context = {
    root: REPO_ROOT,
    projectsConfigurations: { projects: { good: { root: project(temp.dir, 'good', 'src/thing.test.ts', spec(true)) }, bad: { root: project(temp.dir, 'bad', 'src/thing.test.ts', spec(false)) } } },
  };
  const results = await batchResults(
    [
      { id: 'good:test', target: { project: 'good', target: 'test' } },
      { id: 'bad:test', target: { project: 'bad', target: 'test' } },
    ],
    { 'good:test': {}, 'bad:test': {} },
    context,
    false,
  );
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
  const { results } = await passingBatch();
  t.regex(results['good:pact'].terminalOutput, /good:pact › thing › checks a thing[\s\S]*1 test passed \(good:pact, in a batch\)/);
  t.notRegex(results['good:pact'].terminalOutput, /✔ .*good › thing/);
  t.regex(results['good:test'].terminalOutput, /1 test passed \(good, in a batch\)/);
});

test('tasks with workerThreads: false (pact, contract) run each worker in a process of its own: no two share Pact\'s core', async (t) => {
  const { results, ran } = await passingBatch();
  t.true(results['one:contract'].success && results['two:contract'].success);
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
