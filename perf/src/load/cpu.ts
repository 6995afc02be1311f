import { existsSync, readdirSync, readFileSync } from 'node:fs';

/** Linux's USER_HZ: /proc/<pid>/stat counts CPU time in 1/100 s. */
const TICKS_PER_SECOND = 100;

/** CPU ms used so far, per process: this run's child processes by name (services by folder, `ref-koa` / `ref-orm` the reference servers), and `loadgen` (this process: autocannon). */
export type CpuSnapshot = Record<string, number>;

function nameOf(cmdline: string): string | undefined {
  const service = /\/services\/([^/]+)\/src\/main\.ts/.exec(cmdline);
  if (service) return service[1];
  const reference = /reference-server\.ts (koa|orm)\b/.exec(cmdline);
  return reference ? `ref-${reference[1]}` : undefined;
}

/**
 * CPU time of every child process of this one that is a service (or the reference server), read from /proc:
 * a measure of cost per request that other load on the machine does not distort the way req/s and latency are.
 * Empty where /proc is not available.
 */
export function cpuSnapshot(): CpuSnapshot {
  const own = process.cpuUsage();
  const snapshot: CpuSnapshot = { loadgen: (own.user + own.system) / 1000 };
  if (!existsSync('/proc/self/stat')) return snapshot;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[1]) !== process.pid) continue;
      const name = nameOf(readFileSync(`/proc/${entry}/cmdline`, 'utf8').replace(/\0/g, ' '));
      if (name) snapshot[name] = ((Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND) * 1000;
    } catch {
      // the process ended meanwhile
    }
  }
  return snapshot;
}

/** CPU ms per process between two snapshots. */
export function cpuSpent(before: CpuSnapshot, after: CpuSnapshot): CpuSnapshot {
  return Object.fromEntries(Object.keys(after).map((name) => [name, after[name] - (before[name] ?? 0)]));
}
