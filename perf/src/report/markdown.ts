import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { budgetFor, readBudgets, serviceCpuMsPerRequest } from './budgets.ts';
import { svgBars, textBar } from './charts.ts';
import { RESULTS_DIR, type Baselines, type RunResults, type ScenarioResult, type Spread } from './results.ts';
import type { ScaleName } from '../options.ts';
import { hostCostsLine } from '../load/host-costs.ts';

const n = (value: number) => Math.round(value).toLocaleString('en-US');
const delta = (now: number, before: number | undefined) => (before ? `${now >= before ? '+' : ''}${(((now - before) / before) * 100).toFixed(1)}%` : '—');
const ratio = (value: number, of: number | undefined) => (of ? `${((value / of) * 100).toFixed(1)}%` : '—');
const times = (value: number) => `${value.toFixed(2)}×`;
/** A scenario's ratio to a reference: the median of the rounds and their range; else (older runs) one ratio of the means. */
function ratioCell(r: ScenarioResult, reference: ScenarioResult | undefined): string {
  const spread: Spread | undefined = reference && r.ratios?.[reference.name];
  if (spread) return `${times(spread.median)} (${times(spread.min)}–${times(spread.max)})`;
  return reference ? times(r.rps / reference.rps) : '—';
}
const PERCENTILES = [['p50', 'p50'], ['p90', 'p90'], ['p99', 'p99'], ['max', 'max']] as const;

function summaryTable(run: RunResults): string[] {
  const budgets = readBudgets();
  const [koa, orm] = [run.reference.find((r) => r.name === 'ref-bare-koa'), run.reference.find((r) => r.name === 'ref-orm-pk-read')];
  const broken = new Set(run.budgets.violations.map((v) => v.scenario));
  const rows = run.scenarios.map((r) => {
    const b = budgetFor(budgets, run.scale, r.name);
    const ratios = Object.entries(b?.minRatio ?? {}).map(([name, min]) => `≥ ${times(min)} ${name}`);
    const budget = b ? [`≥ ${b.minRps} req/s`, ...ratios, `p99 ≤ ${b.maxP99Ms} ms`, `errors ≤ ${(b.maxErrorRate * 100).toFixed(2)}%`, ...(b.maxCpuMsPerRequest ? [`CPU ≤ ${b.maxCpuMsPerRequest} ms/req`] : [])].join(', ') : '—';
    const slices = r.rpsBySlice && r.rpsBySlice.values.length > 1 ? `${n(r.rpsBySlice.min)}–${n(r.rpsBySlice.max)}` : '';
    return `| ${r.name} | ${n(r.rps)} | ${slices} | ${r.latencyMs.p50} | ${r.latencyMs.p90} | ${r.latencyMs.p99} | ${r.latencyMs.max} | ${(r.errorRate * 100).toFixed(2)}% | ${ratioCell(r, koa)} | ${ratioCell(r, orm)} | ${budget} | ${b ? (broken.has(r.name) ? '**BROKEN**' : 'ok') : ''} |`;
  });
  const refs = run.reference.map((r) => `| ${r.name} | ${n(r.rps)} | ${r.rpsBySlice && r.rpsBySlice.values.length > 1 ? `${n(r.rpsBySlice.min)}–${n(r.rpsBySlice.max)}` : ''} | ${r.latencyMs.p50} | ${r.latencyMs.p90} | ${r.latencyMs.p99} | ${r.latencyMs.max} | ${(r.errorRate * 100).toFixed(2)}% | ${ratio(r.rps, koa?.rps)} | ${ratio(r.rps, orm?.rps)} | reference | |`);
  return [
    '| scenario | req/s (median slice) | slices min–max | p50 ms | p90 ms | p99 ms | max ms | errors | vs bare Koa | vs ORM PK read | budget | |',
    '|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|---|---|',
    ...rows,
    ...refs,
  ];
}

const PROCESSES = ['gateway', 'auth', 'portfolio', 'transaction', 'ref-orm', 'ref-koa', 'loadgen'];

/**
 * CPU per request by process during the measured phase, and the throughput that CPU cost allows on this
 * machine's cores if nothing else ran: the structural limit, independent of noisy neighbours.
 */
function cpuTable(run: RunResults): string[] {
  const all = [...run.scenarios, ...run.reference].filter((r) => r.cpu);
  if (!all.length) return ['(CPU use per process is read from /proc; not available here.)'];
  const rows = all.map((r) => {
    const perRequest = r.cpu!.msPerRequest;
    const total = PROCESSES.reduce((sum, name) => sum + (perRequest[name] ?? 0), 0);
    const cores = PROCESSES.reduce((sum, name) => sum + (r.cpu!.cores[name] ?? 0), 0);
    const cell = (name: string) => (perRequest[name] && perRequest[name] >= 0.005 ? perRequest[name].toFixed(2) : '');
    const busy = r.cpu!.machineBusy === undefined ? '' : `${Math.round(r.cpu!.machineBusy * 100)}%`;
    return `| ${r.name} | ${PROCESSES.map(cell).join(' | ')} | ${total.toFixed(2)} | ${cores.toFixed(2)} | ${busy} | ${n((run.machine.cpus * 1000) / total)} |`;
  });
  return [
    `| scenario | ${PROCESSES.join(' | ')} | total ms/req | cores busy | machine busy | CPU ceiling req/s (${run.machine.cpus} cores) |`,
    `|---|${PROCESSES.map(() => '--:').join('|')}|--:|--:|--:|--:|`,
    ...rows,
  ];
}

function throughputBars(all: ScenarioResult[], scenarios: ScenarioResult[]): string[] {
  const max = Math.max(...scenarios.map((r) => r.rps));
  return ['```', ...all.map((r) => `${r.name.padEnd(20)} ${textBar(r.rps, max, 40).padEnd(41)} ${n(r.rps)} req/s`), '```'];
}

function latencyBars(results: ScenarioResult[]): string[] {
  const clip = Math.max(1, ...results.map((r) => r.latencyMs.p99)) * 1.5;
  return ['```', ...results.flatMap((r) => [
    r.name,
    ...PERCENTILES.map(([label, key]) => `  ${label.padEnd(4)} ${textBar(r.latencyMs[key], clip, 40).padEnd(41)} ${r.latencyMs[key]} ms`),
  ]), '```'];
}

/** The median ratio to the ORM reference (or, for runs before interleaving, the ratio of the two means). */
function ormRatio(r: ScenarioResult, run: RunResults): number | undefined {
  const orm = run.reference.find((x) => x.name === 'ref-orm-pk-read');
  return r.ratios?.['ref-orm-pk-read']?.median ?? (orm ? r.rps / orm.rps : undefined);
}

function baselineTable(run: RunResults, baseline: RunResults | undefined): string[] {
  if (!baseline) return [`No baseline for scale ${run.scale} yet: make one from a good run with \`--save-baseline\`.`];
  const rows = [...run.scenarios, ...run.reference].map((r) => {
    const before = [...baseline.scenarios, ...baseline.reference].find((b) => b.name === r.name);
    const [cpuNow, cpuBefore] = [serviceCpuMsPerRequest(r), before && serviceCpuMsPerRequest(before)];
    const cpu = cpuNow !== undefined && cpuBefore ? `${cpuBefore.toFixed(2)} → ${cpuNow.toFixed(2)} (${delta(cpuNow, cpuBefore)})` : '—';
    const [ratioNow, ratioBefore] = [ormRatio(r, run), before && ormRatio(before, baseline)];
    const ratios = ratioNow !== undefined && ratioBefore !== undefined && !r.name.startsWith('ref-') ? `${times(ratioBefore)} → ${times(ratioNow)}` : '—';
    return `| ${r.name} | ${before ? n(before.rps) : '—'} | ${n(r.rps)} | ${delta(r.rps, before?.rps)} | ${ratios} | ${cpu} | ${before?.latencyMs.p99 ?? '—'} | ${r.latencyMs.p99} | ${delta(r.latencyMs.p99, before?.latencyMs.p99)} | ${before?.latencyMs.p50 ?? '—'} | ${r.latencyMs.p50} | ${delta(r.latencyMs.p50, before?.latencyMs.p50)} |`;
  });
  return [
    `Baseline: run of ${baseline.startedAt} (scale ${baseline.scale}), on a host where ${hostCostsLine(baseline.machine.costs)} (this run: ${hostCostsLine(run.machine.costs)}). ` +
      'Positive req/s deltas and negative latency deltas are improvements. ' +
      'The ratio to the ORM primary-key read and the service CPU per request (all services, ms) move less than req/s and latency when other work shares the machine: a change well beyond their spread is real. ' +
      'Between hosts whose system calls or page faults cost very differently, the ratios move too (a scenario crosses several processes, the references one): compare such runs with care.',
    '',
    '| scenario | base req/s | req/s | Δ req/s | × ORM PK read then → now | service CPU ms/req | base p99 | p99 | Δ p99 | base p50 | p50 | Δ p50 |',
    '|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|',
    ...rows,
  ];
}

const SCALE_ORDER: ScaleName[] = ['small', 'default', 'large'];

/** req/s and the ratio to the ORM reference of each scenario at each scale: this run, and the baselines of the other scales. */
function scaleTable(run: RunResults, baselines: Baselines): string[] {
  const runs = SCALE_ORDER.map((scale) => (scale === run.scale ? run : baselines[scale]));
  const cell = (scaleRun: RunResults | undefined, name: string) => {
    const r = scaleRun?.scenarios.find((x) => x.name === name);
    if (!scaleRun || !r) return '—';
    const ratioToOrm = ormRatio(r, scaleRun);
    return `${n(r.rps)}${ratioToOrm !== undefined ? ` (${times(ratioToOrm)})` : ''}`;
  };
  const fromTo = (name: string) => {
    const [def, large] = [runs[1]?.scenarios.find((x) => x.name === name), runs[2]?.scenarios.find((x) => x.name === name)];
    return def && large ? delta(large.rps, def.rps) : '—';
  };
  return [
    `req/s (× ORM PK read) per scale: this run (${run.scale}) and the committed baselines of the other scales. The last column is large against default: cost must not grow with the data.`,
    '',
    `| scenario | ${SCALE_ORDER.join(' | ')} | large vs default |`,
    `|---|${SCALE_ORDER.map(() => '--:').join('|')}|--:|`,
    ...run.scenarios.map((r) => `| ${r.name} | ${runs.map((x) => cell(x, r.name)).join(' | ')} | ${fromTo(r.name)} |`),
  ];
}

function markdown(run: RunResults, baselines: Baselines): string {
  const baseline = baselines[run.scale];
  const all = [...run.scenarios, ...run.reference];
  const samples = run.scenarios.filter((r) => r.samples.length);
  return [
    `# Ledgerline performance report — scale \`${run.scale}\``,
    '',
    `Run ${run.startedAt} on ${run.machine.cpus} × ${run.machine.model}, Node ${run.machine.node}; on this host ${hostCostsLine(run.machine.costs)}. ` +
      `Every scenario: ${run.scenarios[0]?.connections ?? '?'} connections, ${run.scenarios[0]?.slices ?? 1} slices (${run.scenarios[0] ? Math.round(run.scenarios[0].durationSeconds * 10) / 10 : '?'} s in all) measured after an unmeasured warm-up, each slice right after a slice of each reference; all traffic to 127.0.0.1 through the gateway (all four services on this machine).`,
    '',
    `Data: ${Object.entries(run.seeding.counts).map(([k, v]) => `${n(v)} ${k}`).join(', ')}; seeded in ${run.seeding.seconds} s ` +
      `(${Object.entries(run.seeding.timings).filter(([k]) => k !== 'total').map(([k, v]) => `${k} ${v} s`).join(', ')}). Whole run: ${run.totalSeconds} s.`,
    '',
    `Pending trades left at the end: ${run.pendingTradesAtEnd ?? 'not measured'} (must be 0).`,
    '',
    run.budgets.passed ? '**Budgets: all met.**' : `**Budgets broken (${run.budgets.violations.length}):**\n\n${run.budgets.violations.map((v) => `- ${v.message}`).join('\n')}`,
    '',
    '## Results',
    '',
    ...summaryTable(run),
    '',
    'Ratios: the scenario\'s req/s over a reference\'s req/s in the slice measured just before it (a bare Koa route; one primary-key read through Koa + MikroORM on file SQLite), same connections and slice length: the median over the rounds, and in brackets the lowest and highest round.',
    '',
    '## Where the CPU goes (CPU ms per request, by process)',
    '',
    ...cpuTable(run),
    '',
    'From /proc during each measured slice: `loadgen` is autocannon (this process), `ref-orm` / `ref-koa` the reference servers. ' +
      'The ceiling is cores × 1000 / total ms per request — what this machine could do with nothing else running; ' +
      'req/s below it means waiting (other processes, one service saturated while the other core idles, I/O). ' +
      '`machine busy` is the share of all cores busy during the slices (/proc/stat: every process, other tenants\' and the kernel\'s work included): ' +
      'near 100% the scenario is bound by CPU; well below it with req/s under the ceiling, requests wait (one single-threaded process, a stalled event loop, a lock).',
    '',
    '## Throughput (req/s; bars scaled to the fastest scenario, ▶ = beyond)',
    '',
    ...throughputBars(all, run.scenarios),
    '',
    '## Latency percentiles (ms; bars clipped at 1.5 × the highest p99, ▶ = beyond)',
    '',
    ...latencyBars(all),
    '',
    '## Compared with the baseline',
    '',
    ...baselineTable(run, baseline),
    '',
    '## From small to default to large',
    '',
    ...scaleTable(run, baselines),
    '',
    ...(samples.length ? ['## Failed responses (samples)', '', ...samples.flatMap((r) => [`- **${r.name}** (${JSON.stringify(r.errors)}):`, ...r.samples.map((s) => `  - \`${s.replace(/`/g, "'")}\``)]), ''] : []),
  ].join('\n');
}

function html(run: RunResults, md: string): string {
  const all = [...run.scenarios, ...run.reference];
  const throughput = svgBars('Throughput (req/s)', all.map((r) => r.name), [{ name: 'req/s', color: '#3b7dd8' }], all.map((r) => [Math.round(r.rps)]), 'req/s');
  const clip = Math.max(1, ...all.map((r) => r.latencyMs.p99)) * 1.5;
  const latency = svgBars('Latency percentiles (ms)', all.map((r) => r.name), [
    { name: 'p50', color: '#8fc1e3' }, { name: 'p90', color: '#3b7dd8' }, { name: 'p99', color: '#1b3f8b' }, { name: 'max', color: '#d8643b' },
  ], all.map((r) => PERCENTILES.map(([, key]) => r.latencyMs[key])), 'ms', clip);
  const escaped = md.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  return `<!doctype html><html><head><meta charset="utf-8"><title>Ledgerline perf — ${run.scale}</title></head>` +
    `<body style="font-family: system-ui, sans-serif; max-width: 1100px; margin: 2em auto">${throughput}<br>${latency}<pre style="white-space: pre-wrap">${escaped}</pre></body></html>\n`;
}

/** Writes perf/results/report.md (Markdown with text bars) and report.html (inline SVG charts); returns the .md path. */
export function writeReport(run: RunResults, baselines: Baselines, dir = RESULTS_DIR): string {
  mkdirSync(dir, { recursive: true });
  const md = markdown(run, baselines);
  writeFileSync(join(dir, 'report.md'), `${md}\n`);
  writeFileSync(join(dir, 'report.html'), html(run, md));
  return join(dir, 'report.md');
}
