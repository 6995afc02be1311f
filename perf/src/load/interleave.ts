/**
 * Interleaved measurement: a scenario is measured in `rounds` short slices, each right after a slice of every
 * reference (ORM primary-key read, bare Koa), so a burst of other work on the shared machine lands on both
 * sides of a ratio instead of on the scenarios only. Each round gives a ratio; the report shows their median
 * and spread, and CPU ms per request as the steadier second figure.
 */
import type { ScenarioResult, Spread } from '../report/results.ts';
import { measureSlice, warmUp, type LoadSettings, type LoadTarget } from './measure.ts';

const round = (value: number, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits;

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Median, lowest and highest of some figures (kept too, in order). */
export function spread(values: readonly number[], digits = 3): Spread {
  return { median: round(median(values), digits), min: round(Math.min(...values), digits), max: round(Math.max(...values), digits), values: values.map((v) => round(v, digits)) };
}

/**
 * One result from slices of the same target: req/s and latency percentiles are the median over slices (max is
 * the highest), counts and CPU are summed, CPU per request is total CPU over total requests.
 */
export function mergeSlices(slices: readonly ScenarioResult[]): ScenarioResult {
  const [first] = slices;
  if (slices.length === 1) return { ...first, rpsBySlice: spread([first.rps], 1) };
  const sum = (pick: (r: ScenarioResult) => number) => slices.reduce((total, r) => total + pick(r), 0);
  const requests = sum((r) => r.requests);
  const errors = {
    connection: sum((r) => r.errors.connection), timeouts: sum((r) => r.errors.timeouts), non2xx: sum((r) => r.errors.non2xx), bodyMismatches: sum((r) => r.errors.bodyMismatches),
  };
  const attempts = requests + errors.connection + errors.timeouts;
  const failed = errors.connection + errors.timeouts + errors.non2xx + errors.bodyMismatches;
  const statusCodes: Record<string, number> = {};
  for (const r of slices) for (const [code, count] of Object.entries(r.statusCodes)) statusCodes[code] = (statusCodes[code] ?? 0) + count;
  const wallMs = sum((r) => (r.windowUs ? (r.windowUs.toUs - r.windowUs.fromUs) / 1000 : r.durationSeconds * 1000));
  const cpuMs: Record<string, number> = {};
  for (const r of slices) for (const [name, ms] of Object.entries(r.cpu?.msPerRequest ?? {})) cpuMs[name] = (cpuMs[name] ?? 0) + ms * r.requests;
  const latency = (key: keyof ScenarioResult['latencyMs']) => round(median(slices.map((r) => r.latencyMs[key])));
  return {
    name: first.name,
    title: first.title,
    connections: first.connections,
    durationSeconds: sum((r) => r.durationSeconds),
    requests,
    rps: round(median(slices.map((r) => r.rps)), 1),
    rpsStddev: round(median(slices.map((r) => r.rpsStddev)), 1),
    rpsBySlice: spread(slices.map((r) => r.rps), 1),
    slices: slices.length,
    latencyMs: {
      mean: latency('mean'), p50: latency('p50'), p90: latency('p90'), p97_5: latency('p97_5'), p99: latency('p99'), p99_9: latency('p99_9'),
      max: Math.max(...slices.map((r) => r.latencyMs.max)),
    },
    errors,
    errorRate: attempts ? round(failed / attempts, 5) : 0,
    statusCodes,
    samples: slices.flatMap((r) => r.samples).slice(0, 5),
    cpu: first.cpu && {
      msPerRequest: Object.fromEntries(Object.entries(cpuMs).map(([name, ms]) => [name, requests ? round(ms / requests, 3) : 0])),
      cores: Object.fromEntries(Object.entries(cpuMs).map(([name, ms]) => [name, round(ms / wallMs)])),
      ...machineBusyOf(slices),
    },
    windowUs: first.windowUs && slices.at(-1)!.windowUs && { fromUs: first.windowUs.fromUs, toUs: slices.at(-1)!.windowUs!.toUs },
  };
}

/** The slices' machine busy share, weighted by each slice's length (absent when a slice has none). */
function machineBusyOf(slices: readonly ScenarioResult[]): { machineBusy?: number } {
  if (!slices.every((r) => r.cpu?.machineBusy !== undefined)) return {};
  const length = (r: ScenarioResult) => (r.windowUs ? r.windowUs.toUs - r.windowUs.fromUs : r.durationSeconds * 1e6);
  const weight = slices.reduce((sum, r) => sum + length(r), 0);
  return weight ? { machineBusy: round(slices.reduce((sum, r) => sum + r.cpu!.machineBusy! * length(r), 0) / weight, 3) } : {};
}

export interface InterleavedResult {
  scenario: ScenarioResult;
  /** Every slice of every reference measured next to this scenario, by reference name. */
  referenceSlices: Record<string, ScenarioResult[]>;
}

/**
 * Warms the scenario up, then `settings.rounds` times: a slice of each reference, then a slice of the scenario.
 * The scenario's ratio to a reference in a round is its req/s over that reference's req/s in the same round.
 */
export async function measureInterleaved(scenario: LoadTarget, references: readonly LoadTarget[], settings: LoadSettings): Promise<InterleavedResult> {
  await warmUp(scenario, settings);
  const scenarioSlices: ScenarioResult[] = [];
  const referenceSlices: Record<string, ScenarioResult[]> = Object.fromEntries(references.map((r) => [r.name, []]));
  for (let i = 0; i < settings.rounds; i += 1) {
    for (const reference of references) referenceSlices[reference.name].push(await measureSlice(reference, settings));
    scenarioSlices.push(await measureSlice(scenario, settings));
  }
  const merged = mergeSlices(scenarioSlices);
  if (references.length) {
    merged.ratios = Object.fromEntries(references.map((reference) => [
      reference.name,
      spread(scenarioSlices.map((slice, i) => slice.rps / (referenceSlices[reference.name][i].rps || Number.NaN)), 4),
    ]));
  }
  return { scenario: merged, referenceSlices };
}
