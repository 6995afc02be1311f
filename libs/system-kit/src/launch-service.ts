/**
 * How `startSystem` runs a service: `node launch-service.ts <main> <module to load first>...`, in the service's own
 * process — the service's bundled `main.js` after its `app.js` and the database kit's bundle (service-bundles.ts), or
 * with `code: 'source'` its `main.ts` after its `app.ts` and the database kit's sources.
 *
 * The services bind port 0, so each learns the addresses of the ones it calls only once those are listening, and
 * they used to start one after the other, each importing its whole module graph (0.65–0.7 s of CPU, most of a
 * start) while the rest waited. This entry lets all four load at once: it imports the modules to load first (the
 * graph `main` imports), then reads one JSON line from stdin — the environment the system kit hands it once the
 * services before it are listening (their URLs) — sets it, and imports `main`, which runs exactly as `node main.ts`
 * would, reading its configuration from the environment. The process is the service's: same pid, signals and exit
 * code. Nothing of the service reads the environment while its modules load. When the process that started it dies
 * without stopping it, stdin ends and the service shuts down (see below).
 */
import { flushCompileCache } from 'node:module';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const [main, ...preload] = process.argv.slice(2);
if (!main || preload.length === 0) throw new Error('usage: node launch-service.ts <service main> <module to load first>...');
const entry = resolve(main);

await Promise.all(preload.map((path) => import(pathToFileURL(resolve(path)).href)));
// Node writes its compile cache (NODE_COMPILE_CACHE, set by the test layers) when a process exits; a service lives for
// the whole of a layer, so the services started after it — the next system of the layer, a restart — would compile
// the same graph again. Written now, and again once the service is up (its driver and migrations load on start).
flushCompileCache();

const line = await new Promise<string>((done, fail) => {
  let text = '';
  process.stdin.setEncoding('utf8');
  process.stdin.on('data', (chunk: string) => {
    text += chunk;
    const end = text.indexOf('\n');
    if (end >= 0) done(text.slice(0, end));
  });
  process.stdin.once('end', () => fail(new Error('launch-service: stdin closed before the environment arrived')));
});
process.stdin.removeAllListeners('data');
process.stdin.removeAllListeners('end');
// The kit keeps the pipe open while the system runs. Its end means the process that started the service is gone
// (killed, crashed) without stopping it: the service then shuts down as on SIGTERM instead of living on, unowned,
// holding its port and its temp database. The pipe does not keep the process alive by itself.
process.stdin.on('data', () => {});
process.stdin.once('end', () => process.kill(process.pid, 'SIGTERM'));
(process.stdin as unknown as { unref(): void }).unref();

Object.assign(process.env, JSON.parse(line) as Record<string, string>);
await import(pathToFileURL(entry).href);
flushCompileCache();
