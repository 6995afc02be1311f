/**
 * Many spec files in one AVA worker. The batches of the unit and contract layers (./ava-batch/) give each worker whole
 * projects and call `runSpecsTogether(<project root>, <its specs glob>, <label>)` for each: every spec the glob
 * picks (`src/**\/*.test.ts` for the unit layer) is imported into that worker instead of AVA starting a worker
 * per file.
 *
 * Why: a worker costs ~1 s of CPU before its first test (it imports AVA, MikroORM, Koa, zod, supertest and the
 * service again), which was most of the unit layer's time. The specs cannot observe the sharing: every test
 * builds its own app on its own fresh in-memory database, and production code holds no module-level state
 * (the `no-module-level-instances` guardrail). `npx ava src/x.test.ts` in a project still runs one file alone,
 * and `npx ava` there runs every file in its own worker.
 *
 * Each spec still writes `import test from 'ava'`; a module hook hands every spec its own `test` whose titles
 * carry the project and the file, as AVA prints them for a multi-file run (`portfolio › users › register ›
 * title`), so a failure names where it lives and titles stay unique. Every test runs through the worker's gate
 * (TESTS_AT_ONCE at a time). `beforeEach`/`afterEach` hooks would run for every spec's tests in a shared worker,
 * so they are refused with a message saying what to do instead.
 */
import { globSync } from 'node:fs';
import { registerHooks } from 'node:module';
import { join, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';

const WRAPPED_AVA = 'ledgerline-suite:ava';
const AVA_URL = import.meta.resolve('ava');
const SELF_URL = import.meta.url;

/** Spec URL → its title prefix (`users › register › `), for the specs this worker imports. */
const prefixes = new Map<string, string>();
const chains = new Map<string, unknown>();

/** `users/register.test.ts` → `users › register › ` (AVA's own multi-file prefix, without colours). */
export function titlePrefix(relativePath: string): string {
  const parts = relativePath.split(sep);
  parts.push(parts.pop()!.replace(/\.test\.ts$/, ''));
  return `${parts.join(' › ')} › `;
}

/**
 * The spec files a glob picks under `root` (`src/**\/*.test.ts`, `test/*-*.pact.test.ts`), as paths relative to
 * the glob's fixed folder (`src`, `test`) — what titles are made of — sorted (a stable declaration order), never
 * under node_modules.
 */
export function findSpecs(root: string, specs: string): { base: string; files: string[] } {
  const fixed = specs.split('/');
  const base = fixed.slice(0, fixed.findIndex((part) => /[*?[{]/.test(part))).join('/');
  const files = globSync(specs, { cwd: root })
    .filter((path) => !path.split(sep).includes('node_modules'))
    .map((path) => relative(base, path))
    .sort();
  return { base, files };
}

const PER_TEST_HOOKS = new Set(['beforeEach', 'afterEach']);
/** Chain members whose functions are not tests: once-per-worker hooks, and `todo` (a title only). */
const NOT_TESTS = new Set(['before', 'after', 'todo']);

/**
 * How many tests of a shared worker run at once. AVA starts every test of a file together; a worker holding several
 * projects' specs would run hundreds at once on one thread, and a test that waits on a real deadline (a client's
 * timeout, a cache's age, a poll) would see its deadline pass while other tests hold the thread. The tests are
 * CPU-bound on one thread anyway, so a few at a time is as fast, and keeps each test's own timing close to a
 * run of its file alone.
 */
export const TESTS_AT_ONCE = 8;

/** A counting gate: `run(fn)` waits for one of `limit` places, runs fn, frees the place however fn ends. */
export function createGate(limit: number): <R>(fn: () => R | Promise<R>) => Promise<R> {
  let running = 0;
  const waiting: Array<() => void> = [];
  return async (fn) => {
    if (running >= limit) await new Promise<void>((enter) => waiting.push(enter));
    else running += 1;
    try {
      return await fn();
    } finally {
      const next = waiting.shift();
      if (next) next();
      else running -= 1;
    }
  };
}

const gate = createGate(TESTS_AT_ONCE);

/** Declarations held back while a worker imports its specs (see declaringTogether). */
let deferred: Array<() => unknown> | undefined;

/**
 * Runs `load` (the worker importing its specs) and only then hands AVA every test and hook they declared, in order,
 * in one go. AVA starts running on the tick after the first declaration and refuses any later one ("All tests and
 * hooks must be declared synchronously"); a spec that awaits real work at its top (a key pair, a token issuer)
 * would otherwise declare its tests after the tests of the specs before it had started.
 */
export async function declaringTogether(load: () => Promise<void>): Promise<void> {
  const queue: Array<() => unknown> = [];
  deferred = queue;
  try {
    await load();
  } finally {
    deferred = undefined;
  }
  for (const declare of queue) declare();
}

/** Queues one more declaration behind the specs' (a hook of the batch's own), within `declaringTogether` only. */
export function declareWithSpecs(declare: () => unknown): void {
  if (!deferred) throw new Error('declareWithSpecs: only while declaringTogether imports the specs');
  deferred.push(declare);
}

/**
 * AVA's `test` for one spec: every title gets the spec's prefix; every test's implementation runs through the
 * worker's gate (TESTS_AT_ONCE); per-test hooks are refused because in a shared worker they would also run around
 * the other specs' tests.
 */
export function titledChain<T extends object>(
  chain: T,
  prefix: string,
  path = 'test',
  through: <R>(fn: () => R | Promise<R>) => Promise<R> = gate,
): T {
  return new Proxy(chain, {
    apply(target, thisArg, args: unknown[]) {
      const hook = path.split('.').find((name) => PER_TEST_HOOKS.has(name));
      if (hook) {
        throw new Error(
          `${path}() in ${prefix.slice(0, -3)}: the unit layer's specs share AVA workers (libs/test-kit/src/suite.ts), where a ` +
            `${hook} hook would also run around every other spec's tests. Do the setup inside each test (a helper that ` +
            'takes `t` and registers t.teardown), which is also how the rest of the suite is written.',
        );
      }
      const isTest = !path.split('.').some((name) => NOT_TESTS.has(name));
      const gated = isTest
        ? args.map((arg) => (typeof arg === 'function' ? (t: unknown, ...rest: unknown[]) => through(() => arg(t, ...rest)) : arg))
        : args;
      const titled = typeof gated[0] === 'string' ? [`${prefix}${gated[0]}`, ...gated.slice(1)] : gated;
      const declare = () => Reflect.apply(target as (...a: unknown[]) => unknown, thisArg, titled);
      if (!deferred) return declare();
      deferred.push(declare);
      return undefined;
    },
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      const descriptor = Object.getOwnPropertyDescriptor(target, property);
      if (typeof value !== 'function' || (descriptor && !descriptor.configurable && !descriptor.writable)) return value;
      return titledChain(value, prefix, `${path}.${String(property)}`, through);
    },
  });
}

/** Called by the generated `ava` module of each spec (see the load hook below). */
export function chainFor(specUrl: string, chain: object): unknown {
  if (!chains.has(specUrl)) chains.set(specUrl, titledChain(chain, prefixes.get(specUrl)!));
  return chains.get(specUrl);
}

let hooksRegistered = false;

function registerAvaHook(): void {
  if (hooksRegistered) return;
  hooksRegistered = true;
  registerHooks({
    resolve(specifier, context, nextResolve) {
      if (specifier === 'ava' && context.parentURL && prefixes.has(context.parentURL)) {
        return { url: `${WRAPPED_AVA}?spec=${encodeURIComponent(context.parentURL)}`, shortCircuit: true };
      }
      return nextResolve(specifier, context);
    },
    load(url, context, nextLoad) {
      if (!url.startsWith(`${WRAPPED_AVA}?`)) return nextLoad(url, context);
      const spec = new URL(url).searchParams.get('spec')!;
      const source = [
        `import ava from ${JSON.stringify(AVA_URL)};`,
        `import { chainFor } from ${JSON.stringify(SELF_URL)};`,
        `export default chainFor(${JSON.stringify(spec)}, ava);`,
        `export { registerCompletionHandler } from ${JSON.stringify(AVA_URL)};`,
      ].join('\n');
      return { format: 'module', source, shortCircuit: true };
    },
  });
}

/**
 * Imports every spec the glob `specs` picks under `root` into this AVA worker. `label` leads every title
 * (`portfolio › users › register › …`): the batches (./ava-batch/) run several projects' specs in one worker, and a
 * title must still say where its test lives.
 */
export async function runSpecsTogether(root: string, specs: string, label: string): Promise<void> {
  const { base, files } = findSpecs(root, specs);
  if (files.length === 0) throw new Error(`runSpecsTogether: no file under ${root} matches ${specs}`);
  const urls = files.map((spec) => {
    const url = pathToFileURL(join(root, base, spec)).href;
    prefixes.set(url, `${label} › ${titlePrefix(spec)}`);
    return url;
  });
  registerAvaHook();
  for (const url of urls) await import(url);
}
