import test from 'ava';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createTempDir } from '../temp-db.ts';
import { decodePlan, encodePlan, planSlots, specWeight, workerThreadsFor } from './plan.ts';

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
