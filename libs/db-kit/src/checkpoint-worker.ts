/**
 * The worker thread behind background checkpoints (background-checkpoints.ts): its own connection to one SQLite
 * file, a PASSIVE checkpoint every `intervalMs` — the WAL's committed pages copied into the database file and both
 * files synced, here, off the service's event loop. PASSIVE never waits for a lock and never blocks a reader or a
 * writer of the service's connection. Answers 'stats' with what it did and 'stop' by closing its connection.
 */
import { createRequire } from 'node:module';
import { parentPort, workerData } from 'node:worker_threads';

interface CheckpointDatabase {
  pragma(source: string): unknown;
  close(): void;
}
type DatabaseConstructor = new (file: string, options: { fileMustExist: boolean }) => CheckpointDatabase;

export interface CheckpointWorkerData {
  file: string;
  intervalMs: number;
  /** Where better-sqlite3 is resolved from: the driver MikroORM's SQLite connection uses. */
  resolveFrom: string;
}

export interface CheckpointStats {
  /** Checkpoints that ran (not busy) and the WAL frames they copied into the database file. */
  checkpoints: number;
  framesCopied: number;
  /** The last failure (e.g. the file was removed under the worker), if any; the worker keeps trying. */
  lastError?: string;
}

function run(port: NonNullable<typeof parentPort>, data: CheckpointWorkerData): void {
  const Database = createRequire(data.resolveFrom)('better-sqlite3') as DatabaseConstructor;
  const db = new Database(data.file, { fileMustExist: true });
  // As the service's own connection: in WAL mode a checkpoint syncs the WAL before copying and the file after.
  db.pragma('synchronous = normal');
  const stats: CheckpointStats = { checkpoints: 0, framesCopied: 0 };
  let copiedBefore = 0;
  const timer = setInterval(() => {
    try {
      const [result] = db.pragma('wal_checkpoint(PASSIVE)') as { busy: number; log: number; checkpointed: number }[];
      if (result.busy) return;
      stats.checkpoints += 1;
      // `checkpointed` counts the frames of the current WAL copied so far: it starts again from 0 when a writer rewinds the WAL.
      stats.framesCopied += result.checkpointed >= copiedBefore ? result.checkpointed - copiedBefore : result.checkpointed;
      copiedBefore = result.checkpointed;
    } catch (error) {
      stats.lastError = error instanceof Error ? error.message : String(error);
    }
  }, data.intervalMs);
  port.on('message', (message: 'stats' | 'stop') => {
    if (message === 'stop') {
      clearInterval(timer);
      db.close();
      port.close();
      return;
    }
    port.postMessage({ ...stats });
  });
}

if (parentPort) run(parentPort, workerData as CheckpointWorkerData);
