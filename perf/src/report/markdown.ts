import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { budgetFor, readBudgets, serviceCpuMsPerRequest } from './budgets.ts';
import { svgBars, textBar } from './charts.ts';
import { RESULTS_DIR, type RunResults, type ScenarioResult } from './results.ts';

const n = (value: number) => Math.round(value).toLocaleString('en-US');
const delta = (now: number, before: number | undefined) => (before ? `${now >= before ? '+' : ''}${(((now - before) / before) * 100).toFixed(1)}%` : '—');
const ratio = (value: number, of: number | undefined) => (of ? `${((value / of) * 100).toFixed(1)}%` : '—');
const PERCENTILES = [['p50', 'p50'], ['p90', 'p90'], ['p99', 'p99'], ['max', 'max']] as const;

function summaryTable(run: RunResults): string[] {
  const budgets = readBudgets();
  const [koa, orm] = [run.reference.find((r) => r.name === 'ref-bare-koa'), run.reference.find((r) => r.name === 'ref-orm-pk-read')];
  const broken = new Set(run.budgets.violations.map((v) => v.scenario));
  const rows = run.scenarios.map((r) => {
    const b = budgetFor(budgets, run.scale, r.name);
    const budget = b ? `≥ ${b.minRps} req/s, p99 ≤ ${b.maxP99Ms} ms, errors ≤ ${(b.maxErrorRate * 100).toFixed(2)}%${b.maxCpuMsPerRequest ? `, CPU ≤ ${b.maxCpuMsPerRequest} ms/req` : ''}` : '—';
    return `| ${r.name} | ${n(r.rps)} | ${r.latencyMs.p50} | ${r.latencyMs.p90} | ${r.latencyMs.p99} | ${r.latencyMs.max} | ${(r.errorRate * 100).toFixed(2)}% | ${ratio(r.rps, koa?.rps)} | ${ratio(r.rps, orm?.rps)} | ${budget} | ${b ? (broken.has(r.name) ? '**BROKEN**' : 'ok') : ''} |`;
  });
  const refs = run.reference.map((r) => `| ${r.name} | ${n(r.rps)} | ${r.latencyMs.p50} | ${r.latencyMs.p90} | ${r.latencyMs.p99} | ${r.latencyMs.max} | ${(r.errorRate * 100).toFixed(2)}% | ${ratio(r.rps, koa?.rps)} | ${ratio(r.rps, orm?.rps)} | reference | |`);
  return [
    '| scenario | req/s | p50 ms | p90 ms | p99 ms | max ms | errors | vs bare Koa | vs ORM PK read | budget | |',
    '|---|--:|--:|--:|--:|--:|--:|--:|--:|---|---|',
    ...rows,
    ...refs,
  ];
}

const PROCESSES = ['gateway', 'auth', 'portfolio', 'transaction', 'reference', 'loadgen'];

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
    return `| ${r.name} | ${PROCESSES.map(cell).join(' | ')} | ${total.toFixed(2)} | ${cores.toFixed(2)} | ${n((run.machine.cpus * 1000) / total)} |`;
  });
  return [
    `| scenario | ${PROCESSES.join(' | ')} | total ms/req | cores busy | CPU ceiling req/s (${run.machine.cpus} cores) |`,
    `|---|${PROCESSES.map(() => '--:').join('|')}|--:|--:|--:|`,
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

function baselineTable(run: RunResults, baseline: RunResults | undefined): string[] {
  if (!baseline) return [`No baseline for scale ${run.scale} yet: make one from a good run with \`--save-baseline\`.`];
  const rows = [...run.scenarios, ...run.reference].map((r) => {
    const before = [...baseline.scenarios, ...baseline.reference].find((b) => b.name === r.name);
    const [cpuNow, cpuBefore] = [serviceCpuMsPerRequest(r), before && serviceCpuMsPerRequest(before)];
    const cpu = cpuNow !== undefined && cpuBefore ? `${cpuBefore.toFixed(2)} → ${cpuNow.toFixed(2)} (${delta(cpuNow, cpuBefore)})` : '—';
    return `| ${r.name} | ${before ? n(before.rps) : '—'} | ${n(r.rps)} | ${delta(r.rps, before?.rps)} | ${cpu} | ${before?.latencyMs.p99 ?? '—'} | ${r.latencyMs.p99} | ${delta(r.latencyMs.p99, before?.latencyMs.p99)} | ${before?.latencyMs.p50 ?? '—'} | ${r.latencyMs.p50} | ${delta(r.latencyMs.p50, before?.latencyMs.p50)} |`;
  });
  return [
    `Baseline: run of ${baseline.startedAt} (scale ${baseline.scale}). Positive req/s deltas and negative latency deltas are improvements. ` +
      'Service CPU per request (all services, ms) moves less than req/s and latency when other work shares the machine (about ±20% against 2-3× for p99): a rise well beyond that is a real regression.',
    '',
    '| scenario | base req/s | req/s | Δ req/s | service CPU ms/req | base p99 | p99 | Δ p99 | base p50 | p50 | Δ p50 |',
    '|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|',
    ...rows,
  ];
}

function markdown(run: RunResults, baseline: RunResults | undefined): string {
  const all = [...run.scenarios, ...run.reference];
  const samples = run.scenarios.filter((r) => r.samples.length);
  return [
    `# Ledgerline performance report — scale \`${run.scale}\``,
    '',
    `Run ${run.startedAt} on ${run.machine.cpus} × ${run.machine.model}, Node ${run.machine.node}. ` +
      `Every scenario: ${run.scenarios[0]?.connections ?? '?'} connections, ${run.scenarios[0]?.durationSeconds ?? '?'} s measured after an unmeasured warm-up, all traffic to 127.0.0.1 through the gateway (all four services on this machine).`,
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
    'Ratios: the scenario\'s throughput as a share of the bare Koa route and of the single primary-key read (Koa + MikroORM on file SQLite), measured in the same run with the same connections and duration.',
    '',
    '## Where the CPU goes (CPU ms per request, by process)',
    '',
    ...cpuTable(run),
    '',
    'From /proc during each measured phase: `loadgen` is autocannon (this process), `reference` the reference server. ' +
      'The ceiling is cores × 1000 / total ms per request — what this machine could do with nothing else running; ' +
      'req/s below it means waiting (other processes, one service saturated while the other core idles, I/O).',
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
export function writeReport(run: RunResults, baseline: RunResults | undefined, dir = RESULTS_DIR): string {
  mkdirSync(dir, { recursive: true });
  const md = markdown(run, baseline);
  writeFileSync(join(dir, 'report.md'), `${md}\n`);
  writeFileSync(join(dir, 'report.html'), html(run, md));
  return join(dir, 'report.md');
}
