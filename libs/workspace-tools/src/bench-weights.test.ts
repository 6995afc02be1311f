import test from 'ava';
import { readFileSync } from 'node:fs';
import { batchTargets, formatWeights, median, taskCpu } from './bench-weights.ts';

test('a task weighs what its worker recorded when it ran alone; a missing or doubled record is an error', (t) => {
  const lines = [
    JSON.stringify({ tasks: ['portfolio'], cpuSeconds: 2.71 }),
    JSON.stringify({ tasks: ['gateway:pact'], cpuSeconds: 0.9 }),
    JSON.stringify({ tasks: ['auth', 'web'], cpuSeconds: 3 }),
    '',
  ].join('\n');
  t.is(taskCpu(lines, 'portfolio'), 2.71);
  t.is(taskCpu(lines, 'gateway:pact'), 0.9);
  t.throws(() => taskCpu(lines, 'web'), { message: 'expected one CPU record for web, found 0' });
  t.throws(() => taskCpu(`${lines}\n${JSON.stringify({ tasks: ['portfolio'], cpuSeconds: 1 })}`, 'portfolio'), { message: /found 2/ });
});

test('weights are the median of the runs, written sorted by name, to the hundredth, never zero', (t) => {
  t.is(median([3, 1, 2]), 2);
  t.is(median([4, 1, 2, 3]), 2.5);
  t.is(formatWeights({ web: 0.384, 'auth:contract': 1.006, auth: 0.001 }), '{\n  "auth": 0.01,\n  "auth:contract": 1.01,\n  "web": 0.38\n}\n');
});

test('every target the batch executor runs is weighed, as nx.json sets them; no other', (t) => {
  const nxJson = JSON.parse(readFileSync(new URL('../../../nx.json', import.meta.url), 'utf8'));
  t.deepEqual(batchTargets(nxJson).sort(), ['contract', 'migrations', 'pact', 'resilience', 'system', 'test']);
  t.deepEqual(batchTargets({ targetDefaults: { build: { executor: 'nx:run-commands' }, test: { executor: '@ledgerline/test-kit:ava' } } }), ['test']);
});
