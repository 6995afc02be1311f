import autocannon, { type AutocannonRequest, type Result } from 'autocannon';
import type { ScenarioResult } from '../report/results.ts';
import { createChecker, type Checker } from './checks.ts';
import { cpuSnapshot, cpuSpent, machineBusy, machineSnapshot } from './cpu.ts';

export interface LoadSettings {
  connections: number;
  warmupSeconds: number;
  /** Seconds of one measured slice. */
  durationSeconds: number;
  /** Measured slices per scenario, each next to a slice of every reference (see interleave.ts). */
  rounds: number;
}

export interface LoadTarget {
  name: string;
  title: string;
  /** Base URL; all traffic goes to 127.0.0.1. */
  url: string;
  /** The processes whose CPU this target costs (names as in load/cpu.ts); all of this run's when absent. */
  processes?: readonly string[];
  /** Fresh requests (and counters) for one run; called once for the warm-up and once for the measurement. */
  build(check: Checker, phase: 'warmup' | 'measure'): AutocannonRequest[];
}

/** Runs autocannon, bounded: if it has not finished well after its duration it is stopped. */
async function bounded(url: string, requests: AutocannonRequest[], connections: number, seconds: number): Promise<Result> {
  if (!/^http:\/\/127\.0\.0\.1:\d+$/.test(url)) throw new Error(`load goes to 127.0.0.1 only, not ${url}`);
  const instance = autocannon({ url, connections, duration: seconds, pipelining: 1, timeout: 10, requests });
  const guard = setTimeout(() => instance.stop(), (seconds + 20) * 1000);
  try {
    return await instance;
  } finally {
    clearTimeout(guard);
  }
}

const round = (value: number, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits;

/** A short unmeasured warm-up (JIT, caches, connection pools). */
export async function warmUp(target: LoadTarget, settings: LoadSettings): Promise<void> {
  if (settings.warmupSeconds > 0) await bounded(target.url, target.build(createChecker(), 'warmup'), settings.connections, settings.warmupSeconds);
}

/**
 * One measured slice with fixed connections and duration. Latency percentiles are autocannon's HDR histogram;
 * errors count connection errors, timeouts, non-2xx and 2xx responses whose body failed its check.
 */
export async function measureSlice(target: LoadTarget, settings: LoadSettings): Promise<ScenarioResult> {
  const check = createChecker();
  const fromUs = Number(process.hrtime.bigint() / 1000n);
  const cpuBefore = cpuSnapshot();
  const machineBefore = machineSnapshot();
  const result = await bounded(target.url, target.build(check, 'measure'), settings.connections, settings.durationSeconds);
  const spent = cpuSpent(cpuBefore, cpuSnapshot());
  const busy = machineBusy(machineBefore, machineSnapshot());
  const cpu = Object.fromEntries(Object.entries(spent).filter(([name]) => name === 'loadgen' || !target.processes || target.processes.includes(name)));
  const toUs = Number(process.hrtime.bigint() / 1000n);
  const wallMs = (toUs - fromUs) / 1000;
  const total = result.requests.total;
  const failed = result.errors + result.non2xx + check.mismatches;
  return {
    name: target.name,
    title: target.title,
    connections: settings.connections,
    durationSeconds: result.duration,
    requests: total,
    // Responses over the slice's own length: autocannon's per-second mean can read 0 for a short slice whose
    // first responses take over a second (a loaded machine).
    rps: round(result.duration ? total / result.duration : 0, 1),
    rpsStddev: round(result.requests.stddev, 1),
    latencyMs: {
      mean: round(result.latency.mean),
      p50: result.latency.p50,
      p90: result.latency.p90,
      p97_5: result.latency.p97_5,
      p99: result.latency.p99,
      p99_9: result.latency.p99_9,
      max: result.latency.max,
    },
    errors: { connection: result.errors - result.timeouts, timeouts: result.timeouts, non2xx: result.non2xx, bodyMismatches: check.mismatches },
    errorRate: total + result.errors ? round(failed / (total + result.errors), 5) : 0,
    statusCodes: Object.fromEntries(Object.entries(result.statusCodeStats).map(([code, { count }]) => [code, count])),
    samples: check.samples,
    cpu: {
      msPerRequest: Object.fromEntries(Object.entries(cpu).map(([name, ms]) => [name, total ? round(ms / total, 3) : 0])),
      cores: Object.fromEntries(Object.entries(cpu).map(([name, ms]) => [name, round(ms / wallMs)])),
      ...(busy === undefined ? {} : { machineBusy: round(busy, 3) }),
    },
    windowUs: { fromUs, toUs },
  };
}
