/**
 * The AVA configuration of a batch (./executor.ts): one suite file per worker slot the plan uses, the
 * longest timeout of its tasks (a task's `timeout` option, else its project's package.json `ava.timeout`), TypeScript
 * extensions, worker threads unless a task needs a process per worker (./plan.ts `workerThreadsFor`), and Node's
 * compile cache for the workers and every process a test starts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { withCompileCache } from '../compile-cache.ts';
import { decodePlan, PLAN_ENV, workerThreadsFor } from './plan.ts';

function seconds(timeout: string | undefined): number {
  const match = /^(\d+)(ms|s|m)?$/.exec(timeout ?? '');
  if (!match) return 10;
  return Number(match[1]) * ({ ms: 0.001, s: 1, m: 60 }[match[2] ?? 'ms'] ?? 0.001);
}

export default function avaBatchConfig(): Record<string, unknown> {
  process.env.NODE_COMPILE_CACHE = withCompileCache().NODE_COMPILE_CACHE;
  const slots = decodePlan(process.env[PLAN_ENV]);
  const timeouts = slots.flat().map((task) => seconds(task.timeout ?? JSON.parse(readFileSync(join(task.root, 'package.json'), 'utf8')).ava?.timeout));
  return {
    extensions: ['ts'],
    files: slots.map((_, i) => `libs/test-kit/src/ava-batch/worker-${i + 1}.ts`),
    timeout: `${Math.max(10, ...timeouts)}s`,
    workerThreads: workerThreadsFor(slots),
  };
}
