import test from 'ava';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createTempDir } from '../temp-db.ts';
import { batchWeight, decodePlan, encodePlan, loadWeights, planSlots, specWeight, WEIGHTS_FILE, workerThreadsFor } from './plan.ts';

const project = (name: string) => ({ name, root: `/w/${name}`, specs: 'src/**/*.test.ts' });

test('projects are spread over the workers heaviest first onto the lighter one, each whole, none lost', (t) => {
  const weights: Record<string, number> = { portfolio: 86, transaction: 68, web: 67, auth: 44, tools: 42, gateway: 35, db: 31 };
  const slots = planSlots(Object.keys(weights).map(project), (p) => weights[p.name]);
  t.deepEqual(
    slots.map((s) => s.map((p) => p.name)),
    [
      ['auth', 'portfolio', 'tools'],
      ['db', 'gateway', 'transaction', 'web'],
    ],
  );
  const load = slots.map((s) => s.reduce((sum, p) => sum + weights[p.name], 0));
  t.deepEqual(load, [172, 201]);
});

test('one project is one worker; no worker is ever empty', (t) => {
  t.deepEqual(planSlots([project('web')], () => 1), [[project('web')]]);
  t.deepEqual(planSlots([], () => 1), []);
});

test('a task weighs the bytes of the spec files its glob picks, and nothing else', (t) => {
  const temp = createTempDir();
  t.teardown(() => temp.remove());
  mkdirSync(join(temp.dir, 'src', 'users'), { recursive: true });
  writeFileSync(join(temp.dir, 'src', 'users', 'a.test.ts'), 'x'.repeat(100));
  writeFileSync(join(temp.dir, 'src', 'b.test.ts'), 'x'.repeat(20));
  writeFileSync(join(temp.dir, 'src', 'b.ts'), 'x'.repeat(5000));
  t.is(specWeight({ root: temp.dir, specs: 'src/**/*.test.ts' }), 120);
  t.is(specWeight({ root: temp.dir, specs: 'src/b.test.ts' }), 20);
});

test('the plan goes to the workers through the environment, and a worker without one says how to run it', (t) => {
  const slots = [[project('a')], [project('b'), project('c')]];
  t.deepEqual(decodePlan(encodePlan(slots)), slots);
  t.throws(() => decodePlan(undefined), { message: /LEDGERLINE_AVA_PLAN is not set: run the unit and contract layers through Nx/ });
});

test('a batch runs its workers as threads of one process unless one of its tasks needs a process of its own', (t) => {
  t.true(workerThreadsFor([[project('a')], [project('b')]]));
  t.true(workerThreadsFor([[{ ...project('a'), workerThreads: true }], [project('b')]]));
  t.false(workerThreadsFor([[project('a')], [project('b'), { ...project('c'), workerThreads: false }]]));
});

test('a batch is planned by measured CPU when every task has a weight, else wholly by spec bytes (units never mixed)', (t) => {
  const tasks = ['portfolio', 'web', 'gateway', 'auth'].map(project);
  const bytes = (task: { name: string }) => ({ portfolio: 90_000, web: 70_000, gateway: 35_000, auth: 44_000 })[task.name] ?? 0;
  const cpu = { portfolio: 2.7, web: 0.38, gateway: 2.1, auth: 1.72 };
  const names = (slots: { name: string }[][]) => slots.map((s) => s.map((p) => p.name));
  // By bytes the two costliest services share a worker (4.8 s of CPU against 2.1); by CPU, 3.08 against 3.82.
  t.deepEqual(names(planSlots(tasks, bytes)), [['gateway', 'portfolio'], ['auth', 'web']]);
  const measured = batchWeight(tasks, cpu, bytes);
  t.deepEqual(measured.missing, []);
  t.deepEqual(names(planSlots(tasks, measured.weight)), [['portfolio', 'web'], ['auth', 'gateway']]);
  const partly = batchWeight([...tasks, project('newcomer')], cpu, bytes);
  t.deepEqual(partly.missing, ['newcomer']);
  t.is(partly.weight(project('portfolio')), 90_000);
});

test('the committed weights are positive seconds of CPU, and an absent file means none', (t) => {
  const weights = loadWeights();
  t.true(Object.keys(weights).length > 0, WEIGHTS_FILE);
  t.true(Object.values(weights).every((w) => typeof w === 'number' && w > 0 && w < 60));
  t.deepEqual(loadWeights('/nonexistent/weights.json'), {});
});
