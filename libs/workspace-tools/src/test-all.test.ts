import test from 'ava';
import { countTests, LAYERS, needsPostgres, readyLayers, runLayers, waitsFor, type Layer, type Outcome } from './test-all.ts';

test('test counts are read from AVA and Playwright summaries, colours and all', (t) => {
  const output = ['  \u001b[32m50 tests passed\u001b[39m', '  1 test failed', '  8 passed (19.2s)', 'Running 8 tests using 2 workers', '  3 failed'].join('\n');
  t.deepEqual(countTests(output), { passed: 58, failed: 4 });
  t.deepEqual(countTests('nothing here'), { passed: 0, failed: 0 });
});

const names = (layers: readonly Layer[]) => layers.map((l) => l.name);

test('unit runs alone first; then the contract chain and the chain of real service processes side by side', (t) => {
  const passed = new Set<string>();
  const started = new Set<string>();
  const step = (done: string[]) => {
    for (const name of done) passed.add(name);
    const ready = names(readyLayers(LAYERS, started, passed));
    for (const name of ready) started.add(name);
    return ready;
  };
  t.deepEqual(step([]), ['unit']);
  t.deepEqual(step([]), [], 'nothing else while unit runs');
  t.deepEqual(step(['unit']), ['contract', 'migrations']);
  t.deepEqual(step(['migrations']), ['system']);
  t.deepEqual(step(['contract']), ['can-i-deploy']);
  t.deepEqual(step(['can-i-deploy']), ['e2e'], 'the browser tests need no real-process layer');
  t.deepEqual(step(['system']), ['resilience']);
  t.deepEqual(step(['e2e', 'resilience']), []);
});

test('a selection waits through the layers it leaves out: unit,e2e runs e2e after unit, contract,system side by side', (t) => {
  const pick = (...wanted: string[]) => LAYERS.filter((l) => wanted.includes(l.name));
  const e2e = LAYERS.find((l) => l.name === 'e2e')!;
  t.deepEqual(waitsFor(e2e, pick('unit', 'e2e')), ['unit']);
  t.deepEqual(waitsFor(e2e, pick('e2e')), []);
  t.deepEqual(names(readyLayers(pick('contract', 'system'), new Set(), new Set())), ['contract', 'system']);
});

/** Layers that take `ms` each and log their start and end; `fails` names the ones that fail. */
function fakeRun(ms: Record<string, number>, fails: string[] = []) {
  const log: string[] = [];
  const run = async (layer: Layer): Promise<Outcome> => {
    log.push(`start ${layer.name}`);
    await new Promise((resolve) => setTimeout(resolve, ms[layer.name] ?? 1));
    log.push(`end ${layer.name}`);
    const ok = !fails.includes(layer.name);
    return { name: layer.name, ok, seconds: 0, passed: ok ? 1 : 0, failed: ok ? 0 : 1 };
  };
  return { log, run };
}

test('runLayers starts each layer once the ones it waits for have passed, and the two chains overlap', async (t) => {
  const { log, run } = fakeRun({ contract: 40, migrations: 10, system: 10, resilience: 200 });
  const printed: string[] = [];
  const outcomes = await runLayers(LAYERS.map((l) => ({ ...l, before: undefined })), { run, print: (text) => printed.push(text) });
  t.regex(printed.join(''), /━━ system: nx run-many -t system --outputStyle=static {2}\(ran beside contract; its output:\)/);
  t.deepEqual(names(outcomes as unknown as Layer[]), names(LAYERS), 'outcomes come in the layers\' order');
  t.true(outcomes.every((o) => o.ok));
  t.deepEqual(log.slice(0, 4), ['start unit', 'end unit', 'start contract', 'start migrations']);
  t.true(log.indexOf('start e2e') < log.indexOf('end resilience'), 'e2e does not wait for the real-process chain');
  t.true(log.indexOf('start e2e') > log.indexOf('end can-i-deploy'));
});

test('after a failure no further layer starts, the running ones finish, and a failed check runs nothing at all', async (t) => {
  const { log, run } = fakeRun({ contract: 5, migrations: 40 }, ['contract']);
  const outcomes = await runLayers(LAYERS.map((l) => ({ ...l, before: undefined })), { run, print: () => undefined });
  t.deepEqual(outcomes.map((o) => [o.name, o.ok]), [['unit', true], ['contract', false], ['migrations', true]]);
  t.deepEqual(log, ['start unit', 'end unit', 'start contract', 'start migrations', 'end contract', 'end migrations']);

  const noBrowser = fakeRun({});
  const said: string[] = [];
  const layers = LAYERS.map((l) => ({ ...l, before: l.name === 'e2e' ? () => ({ ok: false, message: 'no browser: run …' }) : undefined }));
  const refused = await runLayers(layers, { run: noBrowser.run, print: () => undefined, warn: (text) => said.push(text) });
  t.deepEqual(refused.map((o) => [o.name, o.ok]), [['e2e', false]]);
  t.deepEqual(noBrowser.log, [], 'nothing ran');
  t.deepEqual(said, ['no browser: run …\n']);
});

test('the run\'s PostgreSQL cluster is started only for layers that use it: unit, migrations, system, resilience, or any under LEDGERLINE_DB=postgres', (t) => {
  const pick = (...wanted: string[]) => LAYERS.filter((l) => wanted.includes(l.name));
  t.true(needsPostgres(LAYERS, {}));
  for (const name of ['unit', 'migrations', 'system', 'resilience']) t.true(needsPostgres(pick(name), {}), name);
  t.false(needsPostgres(pick('contract', 'can-i-deploy', 'e2e'), {}));
  t.true(needsPostgres(pick('contract'), { LEDGERLINE_DB: 'postgres' }));
  t.false(needsPostgres([], { LEDGERLINE_DB: 'postgres' }));
});
