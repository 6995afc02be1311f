import { closeSync, openSync, readSync } from 'node:fs';

/**
 * What this machine's kernel charges for the two things a request through several processes does far more often
 * than the single-process references: system calls (socket reads and writes, SQLite's file locks) and page faults
 * (V8 touching fresh heap pages). Both can differ several-fold between hosts (a virtual machine booted with page
 * table isolation, say), and the ratios to the references move with them: the report shows them so two runs on
 * different hosts are not compared as if only the code had changed (perf/README.md, thirteenth round).
 */
export interface HostCosts {
  /** One system call from JavaScript: a 1-byte read of /dev/zero, µs (median of 5 runs). */
  syscallUs: number;
  /** Touching one fresh 4 kB page of memory, the fault and the kernel's zeroing of it, µs (median of 5 runs). */
  pageFaultUs: number;
}

const PAGE = 4096;
const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)];

function syscallUs(): number {
  const fd = openSync('/dev/zero', 'r');
  try {
    const byte = Buffer.alloc(1);
    const calls = 20_000;
    for (let i = 0; i < 1_000; i++) readSync(fd, byte, 0, 1, null);
    const runs = Array.from({ length: 5 }, () => {
      const started = performance.now();
      for (let i = 0; i < calls; i++) readSync(fd, byte, 0, 1, null);
      return ((performance.now() - started) * 1000) / calls;
    });
    return median(runs);
  } finally {
    closeSync(fd);
  }
}

/** First touch of memory the allocator has just mapped, minus a second touch of the same memory (the writes alone). */
function pageFaultUs(): number {
  const size = 16 * 1024 * 1024;
  const runs = Array.from({ length: 5 }, () => {
    const memory = Buffer.allocUnsafeSlow(size); // large enough to be mapped fresh, not reused from the heap
    const first = performance.now();
    for (let at = 0; at < size; at += PAGE) memory[at] = 1;
    const touched = performance.now();
    for (let at = 0; at < size; at += PAGE) memory[at] = 2;
    const again = performance.now();
    return (((touched - first) - (again - touched)) * 1000) / (size / PAGE);
  });
  return median(runs);
}

/** Measures both (about half a second); undefined where /dev/zero is missing (not Linux or macOS). */
export function measureHostCosts(): HostCosts | undefined {
  try {
    return { syscallUs: Math.round(syscallUs() * 100) / 100, pageFaultUs: Math.round(pageFaultUs() * 100) / 100 };
  } catch {
    return undefined;
  }
}

export const hostCostsLine = (costs: HostCosts | undefined) =>
  costs ? `a system call ${costs.syscallUs} µs, a page fault ${costs.pageFaultUs} µs` : 'system call and page fault costs not measured';
