/**
 * Where the CPU went: reads the V8 .cpuprofile files the services wrote (NODE_OPTIONS=--cpu-prof), tells
 * which service each is from its main.ts, and prints per service the busy time and the top packages and
 * functions by self time. Also runnable alone: `node perf/src/profile/summarise.ts <dir>`.
 */
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { RESULTS_DIR } from '../report/results.ts';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

/** A stable, short name for where code lives: a package, a workspace folder, node internals or V8 pseudo-frames. */
export function areaOf(url: string, functionName: string): string {
  if (!url) return `(${functionName.replace(/[()]/g, '') || 'native'})`;
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1];
  const workspace = /\/(services|libs)\/([^/]+)\//.exec(url);
  if (workspace) return `${workspace[1]}/${workspace[2]}`;
  if (url.startsWith('node:')) return url.split('/')[0].replace('node:internal', 'node:internal');
  return url;
}

function serviceOf(profile: CpuProfile): string {
  for (const node of profile.nodes) {
    const match = /\/services\/([^/]+)\/src\/main\.ts$/.exec(node.callFrame.url);
    if (match) return match[1];
  }
  return 'unknown';
}

export interface ProfileSummary {
  service: string;
  /** Wall time the summary covers (the measured windows, or the whole profile). */
  wallMs: number;
  busyMs: number;
  areas: Array<{ area: string; ms: number; share: number }>;
  /** Self time: where the CPU actually was. */
  functions: Array<{ fn: string; ms: number; share: number }>;
  /** Inclusive time of the workspace's own functions (services/, libs/): which of our code paths cost. */
  ours: Array<{ fn: string; ms: number; share: number }>;
}

/** Monotonic-clock windows in µs (process.hrtime / V8 TimeTicks): only samples inside them count. */
export type Window = { fromUs: number; toUs: number };

function frameName(node: ProfileNode): string {
  const { functionName, url, lineNumber } = node.callFrame;
  const area = areaOf(url, functionName);
  const file = url && !url.includes('node_modules') && !url.startsWith('node:') ? url.slice(url.lastIndexOf('/')) : '';
  return `${functionName || '(anonymous)'} ${url ? `${area}${file}:${lineNumber + 1}` : ''}`.trim();
}

/** Self time by area and by function, and inclusive time of our own functions, for one profile. */
export function summariseProfile(profile: CpuProfile, windows: Window[] = [], top = 12): ProfileSummary {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const inside = (us: number) => !windows.length || windows.some((w) => us >= w.fromUs && us <= w.toUs);
  const add = (map: Map<string, number>, key: string, ms: number) => map.set(key, (map.get(key) ?? 0) + ms);
  const areas = new Map<string, number>();
  const functions = new Map<string, number>();
  const ours = new Map<string, number>();
  let busy = 0;
  let at = profile.startTime;
  profile.samples.forEach((id, i) => {
    at += profile.timeDeltas[i] ?? 0;
    const node = byId.get(id)!;
    if (!inside(at) || node.callFrame.functionName === '(idle)') return;
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    busy += ms;
    add(areas, areaOf(node.callFrame.url, node.callFrame.functionName), ms);
    add(functions, frameName(node), ms);
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const frame = byId.get(cur)!;
      if (!/\/(services|libs)\//.test(frame.callFrame.url)) continue;
      const name = frameName(frame);
      if (!seen.has(name)) add(ours, name, ms);
      seen.add(name);
    }
  });
  const ranked = (map: Map<string, number>, n = top) => [...map.entries()].sort((a, b) => b[1] - a[1]).slice(0, n).map(([fn, ms]) => ({ fn, ms, share: ms / busy }));
  const wall = windows.length ? windows.reduce((sum, w) => sum + (w.toUs - w.fromUs), 0) : profile.endTime - profile.startTime;
  return {
    service: serviceOf(profile),
    wallMs: wall / 1000,
    busyMs: busy,
    areas: ranked(areas).map(({ fn, ms, share }) => ({ area: fn, ms, share })),
    functions: ranked(functions),
    ours: ranked(ours, 20),
  };
}

export function formatSummary(s: ProfileSummary): string {
  const pct = (share: number) => `${(share * 100).toFixed(1)}%`.padStart(6);
  return [
    `### ${s.service}: busy ${(s.busyMs / 1000).toFixed(1)} s of ${(s.wallMs / 1000).toFixed(1)} s (${((s.busyMs / s.wallMs) * 100).toFixed(0)}% of one core)`,
    '',
    'Self time by area:',
    ...s.areas.map((a) => `  ${pct(a.share)}  ${a.area}`),
    '',
    'Top functions by self time:',
    ...s.functions.map((f) => `  ${pct(f.share)}  ${f.fn}`),
    '',
    'Our code paths by inclusive time (services/, libs/):',
    ...s.ours.map((f) => `  ${pct(f.share)}  ${f.fn}`),
    '',
  ].join('\n');
}

/**
 * Summarises every profile in `dir` (only samples inside `windows`, e.g. the measured phases), prints it,
 * and keeps profiles + summary in perf/results/profiles/.
 */
export function summariseProfiles(dir: string, windows: Window[] = []): string {
  const files = readdirSync(dir).filter((f) => f.endsWith('.cpuprofile'));
  const summaries = files.map((f) => summariseProfile(JSON.parse(readFileSync(join(dir, f), 'utf8')) as CpuProfile, windows));
  const keep = join(RESULTS_DIR, 'profiles');
  mkdirSync(keep, { recursive: true });
  if (keep !== dir) files.forEach((f, i) => copyFileSync(join(dir, f), join(keep, `${summaries[i].service}-${f}`)));
  const text = [...summaries].sort((a, b) => b.busyMs - a.busyMs).map((s) => formatSummary(s)).join('\n');
  writeFileSync(join(keep, 'summary.md'), `${text}\n`);
  console.log(`\nCPU profiles (kept in ${keep}):\n\n${text}`);
  return text;
}

if (import.meta.main) summariseProfiles(process.argv[2] ?? join(RESULTS_DIR, 'profiles'));
