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

/** The machine's CPU time so far, all cores (ticks of /proc/stat's first line): busy (anything but idle and iowait) and total. */
export interface MachineSnapshot {
  busy: number;
  total: number;
}

/** Parses the aggregate `cpu` line of /proc/stat: user nice system idle iowait irq softirq steal (guest time is inside user). */
export function parseMachineStat(stat: string): MachineSnapshot | undefined {
  const fields = /^cpu\s+([\d\s]+)$/m.exec(stat)?.[1].trim().split(/\s+/).map(Number).slice(0, 8);
  if (!fields || fields.length < 5 || fields.some((value) => !Number.isFinite(value))) return undefined;
  const total = fields.reduce((sum, value) => sum + value, 0);
  return { busy: total - fields[3] - fields[4], total };
}

export function machineSnapshot(): MachineSnapshot | undefined {
  return existsSync('/proc/stat') ? parseMachineStat(readFileSync('/proc/stat', 'utf8')) : undefined;
}

/**
 * The share of all the machine's cores busy between two snapshots (0–1) — every process, other tenants' and the
 * kernel's work included. Next to the CPU ceiling it tells a scenario that works (near 1) from one that waits.
 */
export function machineBusy(before: MachineSnapshot | undefined, after: MachineSnapshot | undefined): number | undefined {
  if (!before || !after || after.total <= before.total) return undefined;
  return (after.busy - before.busy) / (after.total - before.total);
}
