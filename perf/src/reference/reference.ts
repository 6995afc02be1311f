import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import type { LoadTarget } from '../load/measure.ts';

const SERVER = fileURLToPath(new URL('./reference-server.ts', import.meta.url));

export type ReferenceMode = 'koa' | 'orm';

/** The reference names in results, and the process name their CPU is read under (see load/cpu.ts). */
export const REFERENCE_NAMES: Record<ReferenceMode, string> = { orm: 'ref-orm-pk-read', koa: 'ref-bare-koa' };
export const REFERENCE_PROCESS: Record<ReferenceMode, string> = { orm: 'ref-orm', koa: 'ref-koa' };

/** A reference server running in its own process. */
export interface RunningReference {
  mode: ReferenceMode;
  target: LoadTarget;
  stop(): Promise<void>;
}

/** Starts reference-server.ts in `mode` and resolves with its URL once it prints READY. */
async function startProcess(mode: ReferenceMode, dir: string): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, [SERVER, mode, dir], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`reference ${mode} did not start:\n${output}`)), 30_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /READY (\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`reference ${mode} exited (${code}):\n${output}`));
    });
  });
  return { url: `http://127.0.0.1:${port}`, child };
}

async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode) return;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
  await exited;
  clearTimeout(timer);
}

/** What one connection does against a reference: the bare route, or primary-key reads spread over all rows. */
function referenceTarget(mode: ReferenceMode, url: string): LoadTarget {
  return {
    name: REFERENCE_NAMES[mode],
    title: mode === 'koa' ? 'Reference: bare Koa route' : 'Reference: Koa + MikroORM primary-key read on file SQLite',
    url,
    processes: [REFERENCE_PROCESS[mode]],
    build: (check) => {
      let n = 0;
      return [mode === 'koa'
        ? { method: 'GET', path: '/', onResponse: (status, body) => void check.json<{ hello: string }>('bare koa', status, body, (j) => j.hello === 'world') }
        : {
          method: 'GET',
          setupRequest: (request) => ({ ...request, path: `/items/${((n += 1) * 7919) % 10_000 + 1}` }),
          onResponse: (status, body) => void check.json<{ id: number }>('orm read', status, body, (j) => Number.isInteger(j.id)),
        }];
    },
  };
}

/**
 * Starts the side-by-side references on this machine, each in its own process, for the whole run: a bare Koa
 * route, and Koa + MikroORM reading one row by primary key from a file SQLite in `dir` (RequestContext). The
 * run measures them in slices interleaved with each scenario's slices (see load/interleave.ts), so whatever
 * else the machine does lands on both sides of a ratio.
 */
export async function startReferences(dir: string): Promise<RunningReference[]> {
  const started: RunningReference[] = [];
  try {
    for (const mode of ['orm', 'koa'] as const) {
      const { url, child } = await startProcess(mode, dir);
      started.push({ mode, target: referenceTarget(mode, url), stop: () => stopProcess(child) });
    }
  } catch (error) {
    await Promise.all(started.map((r) => r.stop()));
    throw error;
  }
  return started;
}
