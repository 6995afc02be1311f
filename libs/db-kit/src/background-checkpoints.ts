import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { CheckpointStats, CheckpointWorkerData } from './checkpoint-worker.ts';

export type { CheckpointStats } from './checkpoint-worker.ts';

/** How often the worker copies the WAL into the database file, by default (ms). */
export const DEFAULT_CHECKPOINT_INTERVAL_MS = 100;

/**
 * The WAL's bound, in pages: past it SQLite's own checkpoint runs in the writer's thread, after a commit (its default is
 * 1,000). Under a steady stream of writes a PASSIVE checkpoint seldom finds the WAL at rest, so the WAL is rewound
 * only once the writer checkpoints; by then the worker has copied nearly all of it and the writer's checkpoint has
 * little left to do. About 40 MB of WAL at 4 kB pages.
 */
export const WAL_BOUND_PAGES = 10_000;

/** After a rewind, the WAL file is cut back to this size (bytes) rather than keeping its largest size on disk. */
export const WAL_SIZE_LIMIT_BYTES = 64 * 1024 * 1024;

export interface BackgroundCheckpoints {
  /** What the worker did so far. */
  stats(): Promise<CheckpointStats>;
  /** Stops the worker and closes its connection (before the service's own connection closes). */
  stop(): Promise<void>;
}

/**
 * Checkpoints a file database's WAL from a worker thread, every `intervalMs`: the copy of the WAL's pages into the
 * database file and the two fsyncs a checkpoint makes no longer stop the service's event loop every 1,000 pages
 * (perf/README.md, tenth round). Durability is unchanged: commits are what `synchronous = normal` makes them
 * either way; only the thread that checkpoints differs. The worker is unref'd: it never keeps a process alive.
 */
export function startBackgroundCheckpoints(file: string, intervalMs = DEFAULT_CHECKPOINT_INTERVAL_MS): BackgroundCheckpoints {
  const workerData: CheckpointWorkerData = { file, intervalMs, resolveFrom: createRequire(import.meta.url).resolve('@mikro-orm/sqlite') };
  const worker = new Worker(new URL('./checkpoint-worker.ts', import.meta.url), { workerData });
  worker.unref();
  // A worker that fails (its file gone before it opened it) only ends background checkpoints: SQLite's own, in the
  // writer's thread at WAL_BOUND_PAGES, still keep the WAL bounded.
  let failure: string | undefined;
  worker.on('error', (error) => {
    failure = error instanceof Error ? error.message : String(error);
  });
  let running = true;
  const exited = new Promise<void>((resolve) => worker.once('exit', () => {
    running = false;
    resolve();
  }));
  let stopped: Promise<void> | undefined;
  return {
    stats() {
      const ended = (): CheckpointStats => ({ checkpoints: 0, framesCopied: 0, lastError: failure ?? 'stopped' });
      if (!running) return Promise.resolve(ended());
      // The answer, or — when the worker ends first (a file it could not open: its 'error' comes before 'exit') —
      // what ended it. Not events.once: that rejects on the worker's 'error', so a question asked while a failing
      // worker was still starting would throw its error instead of reporting it.
      const answer = new Promise<CheckpointStats>((resolve) => {
        const onMessage = (stats: CheckpointStats) => {
          worker.off('exit', onExit);
          resolve(stats);
        };
        const onExit = () => {
          worker.off('message', onMessage);
          resolve(ended());
        };
        worker.once('message', onMessage);
        worker.once('exit', onExit);
      });
      worker.postMessage('stats');
      return answer;
    },
    stop() {
      stopped ??= (async () => {
        if (!running) return;
        worker.postMessage('stop');
        // The worker closes its connection and ends; if it does not within a second, it is ended.
        const timer = setTimeout(() => void worker.terminate(), 1000);
        await exited;
        clearTimeout(timer);
      })();
      return stopped;
    },
  };
}
