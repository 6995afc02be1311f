import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { measure, type LoadSettings } from '../load/measure.ts';
import type { ScenarioResult } from '../report/results.ts';

const SERVER = fileURLToPath(new URL('./reference-server.ts', import.meta.url));

/** Starts reference-server.ts in `mode` and resolves with its URL once it prints READY. */
async function startReference(mode: 'koa' | 'orm', dir: string): Promise<{ url: string; child: ChildProcess }> {
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

async function stopReference(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode) return;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
  await exited;
  clearTimeout(timer);
}

/**
 * The side-by-side reference on this machine, with the scenarios' connections and durations: a bare Koa
 * route, and Koa + MikroORM reading one row by primary key from a file SQLite in `dir` (RequestContext).
 */
export async function measureReference(dir: string, settings: LoadSettings): Promise<ScenarioResult[]> {
  const results: ScenarioResult[] = [];
  for (const mode of ['koa', 'orm'] as const) {
    const { url, child } = await startReference(mode, dir);
    try {
      results.push(await measure({
        name: mode === 'koa' ? 'ref-bare-koa' : 'ref-orm-pk-read',
        title: mode === 'koa' ? 'Reference: bare Koa route' : 'Reference: Koa + MikroORM primary-key read on file SQLite',
        url,
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
      }, settings));
    } finally {
      await stopReference(child);
    }
  }
  return results;
}
