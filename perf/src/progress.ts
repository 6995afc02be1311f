/**
 * Progress of a long step: one updating line on a TTY, otherwise a line every few seconds (CI logs, Nx).
 */
export interface Progress {
  /** Adds `n` units done. */
  tick(n?: number): void;
  /** Ends the step and prints how long it took; returns the elapsed ms. */
  done(note?: string): number;
}

const PERIODIC_MS = 3000;

export function formatMs(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms)} ms`;
}

/** Starts a progress display for `total` units of `label`. */
export function startProgress(label: string, total: number, stream: NodeJS.WriteStream = process.stdout): Progress {
  const started = performance.now();
  const tty = Boolean(stream.isTTY);
  let count = 0;
  let lastPrint = 0;
  const line = () => {
    const elapsed = performance.now() - started;
    const pct = total ? Math.min(100, (count / total) * 100) : 100;
    const rate = elapsed > 0 ? Math.round((count / elapsed) * 1000) : 0;
    return `  ${label}: ${count.toLocaleString('en-US')}/${total.toLocaleString('en-US')} (${pct.toFixed(0)}%) ${formatMs(elapsed)}, ${rate.toLocaleString('en-US')}/s`;
  };
  return {
    tick(n = 1) {
      count += n;
      const now = performance.now();
      if (tty && now - lastPrint > 100) {
        stream.write(`\r\x1b[2K${line()}`);
        lastPrint = now;
      } else if (!tty && now - lastPrint > PERIODIC_MS) {
        if (lastPrint) stream.write(`${line()}\n`);
        lastPrint = now;
      }
    },
    done(note) {
      const elapsed = performance.now() - started;
      count = Math.max(count, total);
      stream.write(`${tty ? '\r\x1b[2K' : ''}${line()}${note ? ` — ${note}` : ''}\n`);
      return elapsed;
    },
  };
}
