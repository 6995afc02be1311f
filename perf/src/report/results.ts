import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import type { HostCosts } from '../load/host-costs.ts';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ScaleName } from '../options.ts';
import type { BudgetViolation } from './budgets.ts';

/** perf/results (git-ignored except baseline.json). */
export const RESULTS_DIR = resolve(fileURLToPath(new URL('../../results', import.meta.url)));
export const BASELINE_FILE = join(RESULTS_DIR, 'baseline.json');

/** Median, lowest and highest of a figure over the rounds of a run, and the figures themselves in order. */
export interface Spread {
  median: number;
  min: number;
  max: number;
  values: number[];
}

/** One measured scenario (or reference). Latencies in ms, from autocannon's HDR histogram. */
export interface ScenarioResult {
  name: string;
  title: string;
  connections: number;
  durationSeconds: number;
  requests: number;
  /** Requests per second: the median over the measured slices of each slice's responses / its length. */
  rps: number;
  rpsStddev: number;
  /** req/s of each measured slice (interleaved with the references' slices). */
  rpsBySlice?: Spread;
  slices?: number;
  /**
   * req/s as a share of each reference (by reference name), one ratio per round from the reference slice measured
   * just before the scenario's slice: median, min and max over the rounds.
   */
  ratios?: Record<string, Spread>;
  /** Percentiles: the median over slices of each slice's HDR percentile; max is the highest of all. */
  latencyMs: { mean: number; p50: number; p90: number; p97_5: number; p99: number; p99_9: number; max: number };
  errors: { connection: number; timeouts: number; non2xx: number; bodyMismatches: number };
  /** (connection errors + timeouts + non-2xx + body mismatches) / attempts. */
  errorRate: number;
  statusCodes: Record<string, number>;
  /** A few failing responses, to see what went wrong. */
  samples: string[];
  /**
   * CPU used during the measured phase per process (the services, `loadgen` = autocannon in this process):
   * ms per request, and cores busy on average. Less disturbed by other load on the machine than req/s.
   */
  cpu?: {
    msPerRequest: Record<string, number>;
    cores: Record<string, number>;
    /** Share of all the machine's cores busy during the slices (0–1; /proc/stat): near 1 the scenario works, well below it waits. */
    machineBusy?: number;
  };
  /** When the measured phase ran (monotonic clock, µs): lets CPU profiles be cut to it. */
  windowUs?: { fromUs: number; toUs: number };
}

export interface RunResults {
  startedAt: string;
  scale: ScaleName;
  /** `costs`: the kernel's price of a system call and of a page fault on this host, measured before the run. */
  machine: { cpus: number; model: string; node: string; platform: string; costs?: HostCosts };
  seeding: { seconds: number; counts: Record<string, number>; timings: Record<string, number> };
  scenarios: ScenarioResult[];
  /** Bare Koa route and a Koa + MikroORM primary-key read on file SQLite, same machine, same settings. */
  reference: ScenarioResult[];
  budgets: { passed: boolean; violations: BudgetViolation[] };
  /** Trades left pending once the load stopped (after waiting for the reconciler); must be 0. */
  pendingTradesAtEnd?: number;
  totalSeconds: number;
}

/** Baselines per scale (a good run of each scale, committed). */
export type Baselines = Partial<Record<ScaleName, RunResults>>;

export function machineInfo(costs?: HostCosts): RunResults['machine'] {
  const list = cpus();
  return { cpus: list.length, model: list[0]?.model ?? 'unknown', node: process.version, platform: `${process.platform}-${process.arch}`, costs };
}

/** Writes results/<timestamp>.json and results/latest.json; returns the timestamped path. */
export function saveResults(results: RunResults, dir = RESULTS_DIR): string {
  mkdirSync(dir, { recursive: true });
  const stamp = results.startedAt.replace(/[:.]/g, '-');
  const file = join(dir, `${stamp}-${results.scale}.json`);
  const text = `${JSON.stringify(results, null, 2)}\n`;
  writeFileSync(file, text);
  writeFileSync(join(dir, 'latest.json'), text);
  return file;
}

export function readBaselines(file = BASELINE_FILE): Baselines {
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Baselines) : {};
}

/** Makes this run the baseline of its scale (other scales' baselines are kept). */
export function saveBaseline(results: RunResults, file = BASELINE_FILE): void {
  const baselines = readBaselines(file);
  baselines[results.scale] = { ...results, scenarios: results.scenarios.map((s) => ({ ...s, samples: [] })) };
  writeFileSync(file, `${JSON.stringify(baselines, null, 2)}\n`);
}
