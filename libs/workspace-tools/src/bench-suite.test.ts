import test from 'ava';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { childrenCpuSeconds, countUnitWorkers, formatMarkdown, median, summarise, type BenchReport } from './bench-suite.ts';
import { fixtureTree } from './checks/fixture-tree.ts';

const run = (unit: number, e2e: number) => [
  { name: 'unit', ok: true, seconds: unit, passed: 400, failed: 0, cpuSeconds: unit * 2 },
  { name: 'e2e', ok: true, seconds: e2e, passed: 10, failed: 0, cpuSeconds: null },
];

test('each layer gets median, min and max seconds over the runs, its tests and ms per test', (t) => {
  t.is(median([3, 1, 2]), 2);
  t.is(median([4, 1, 2, 3]), 2.5);
  t.deepEqual(summarise([run(12, 30), run(10, 28), run(20, 29)]), [
    { layer: 'unit', tests: 400, median: 12, min: 10, max: 20, msPerTest: 30, cpu: 24 },
    { layer: 'e2e', tests: 10, median: 29, min: 28, max: 30, msPerTest: 2900, cpu: null },
  ]);
});

test('the CPU of finished child processes is read from /proc: user + system ticks, after the command name', (t) => {
  const root = fixtureTree(t, { stat: '4242 (node with spaces) S 1 2 3 4 5 6 7 8 9 10 11 12 150 25 20 0' });
  t.is(childrenCpuSeconds(join(root, 'stat')), 1.75);
  t.is(childrenCpuSeconds(join(root, 'missing')), null);
});

test('the unit layer is one AVA process for every project with a test target, with a worker per slot', (t) => {
  const root = fixtureTree(t, {
    'services/a/package.json': JSON.stringify({ nx: { targets: { test: {} } } }),
    'services/a/src/x.test.ts': '',
    'libs/b/package.json': JSON.stringify({ nx: { targets: { test: {} } } }),
    'libs/d/package.json': JSON.stringify({ nx: { targets: { test: {} } } }),
    'libs/c/package.json': JSON.stringify({ nx: { targets: { lint: {} } } }),
  });
  mkdirSync(join(root, 'libs', 'empty'));
  writeFileSync(join(root, 'README.md'), '');
  t.deepEqual(countUnitWorkers(root), { processes: 1, workers: 2 });
  const one = fixtureTree(t, { 'libs/b/package.json': JSON.stringify({ nx: { targets: { test: {} } } }) });
  t.deepEqual(countUnitWorkers(one), { processes: 1, workers: 1 });
});

test('the Markdown names the machine, every layer with its figures, the total one after another and as npm test runs them, and the floor', (t) => {
  const report: BenchReport = {
    date: '2026-11-30T18:00:00.000Z',
    machine: { cpu: 'Test CPU', cores: 2, memoryGiB: 8, loadAverageAtStart: [0.5, 0.4, 0.3], node: 'v24.21.0' },
    runs: 3,
    layers: summarise([run(12, 30), run(10, 28), run(20, 29)]),
    total: { median: 41, min: 38, max: 50 },
    scheduled: { median: 33, min: 31.5, max: 40 },
    floor: { emptyAvaFileSeconds: 0.81, avaProcessesInUnitLayer: 16, avaWorkersInUnitLayer: 22 },
    perRun: [],
  };
  const md = formatMarkdown(report);
  t.regex(md, /Test CPU, 2 cores, 8 GiB, load average 0\.50 \/ 0\.40 \/ 0\.30/);
  t.regex(md, /\| unit \| 400 \| 12\.0 \| 10\.0 \| 20\.0 \| 30 \| 24\.0 \|/);
  t.regex(md, /\| e2e \| 10 \| 29\.0 \| 28\.0 \| 30\.0 \| 2900 \| — \|/);
  t.regex(md, /\| \*\*total\*\*, one after another \| 410 \| 41\.0 \| 38\.0 \| 50\.0 \| \| \|/);
  t.regex(md, /\| \*\*`npm test`\*\*, layers side by side as it runs them \| 410 \| 33\.0 \| 31\.5 \| 40\.0 \| \| \|/);
  t.regex(md, /empty AVA test file takes 0\.81 s .* 16 AVA processes with 22 workers/);
  t.regex(formatMarkdown({ ...report, floor: { ...report.floor, avaProcessesInUnitLayer: 1, avaWorkersInUnitLayer: 2 } }), /starts 1 AVA process with 2 workers\./);
});
