/**
 * `npm start`: runs every service that exists on its fixed dev port with its own ./data/<service>.sqlite,
 * output prefixed by service name: readable coloured lines on a terminal, JSON lines otherwise or with
 * LOG_FORMAT=json. A dev port already taken is one line naming it and the variable that moves it, before
 * anything starts. "Ledgerline is up" is printed once every service is ready (the gateway's /health/services).
 * Ctrl-C stops them all (each shuts down gracefully on SIGINT/SIGTERM).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import concurrently from 'concurrently';
import { discoverServices, REPO_ROOT } from './discover.ts';
import { nxEnv } from './nx-env.ts';
import { devAddresses, takenPortMessages } from './start/dev-ports.ts';
import { waitUntilUp } from './start/wait-until-up.ts';

const services = discoverServices();
if (!services.length) {
  console.error('No service with a "serve" script under services/.');
  process.exit(1);
}
const addresses = await devAddresses(services);
const taken = await takenPortMessages(addresses);
if (taken.length) {
  for (const message of taken) console.error(message);
  process.exit(1);
}

// The gateway serves the built web UI: build it first (Nx serves it from cache when nothing changed).
if (existsSync(join(REPO_ROOT, 'services/web/package.json'))) {
  console.log('Building the web UI (nx build web)…');
  const build = spawnSync('nx', ['run', 'web:build', '--outputStyle=static'], { cwd: REPO_ROOT, stdio: 'inherit', shell: false, env: nxEnv() });
  if (build.status !== 0) {
    console.error('The web UI did not build; fix it or run the services without it.');
    process.exit(build.status ?? 1);
  }
}

// The services write to pipes here, so they would log JSON: on a terminal, ask them for readable coloured lines.
const terminal = Boolean(process.stdout.isTTY);
const logEnv: Record<string, string> = { LOG_FORMAT: process.env.LOG_FORMAT ?? (terminal ? 'pretty' : 'json') };
if (terminal && !process.env.NO_COLOR) logEnv.FORCE_COLOR = '1';

console.log(`Starting ${services.map((s) => s.name).join(', ')} (Ctrl-C stops all)`);
const { result } = concurrently(
  services.map((service) => ({ name: service.name, command: 'node src/main.ts', cwd: service.dir, env: logEnv })),
  { prefix: 'name', killOthersOn: ['failure'], killSignal: 'SIGTERM', prefixColors: ['cyan', 'magenta', 'yellow', 'green', 'blue'] },
);

const stopped = new AbortController();
const gateway = addresses.find((address) => address.service === 'gateway');
if (gateway) {
  const url = `http://localhost:${gateway.port}`;
  void waitUntilUp(`http://${gateway.host}:${gateway.port}/health/services`, { timeoutMs: 120_000, signal: stopped.signal }).then((up) => {
    if (up) console.log(`Ledgerline is up: open ${url}`);
    else if (!stopped.signal.aborted) console.error(`Ledgerline was not ready within 2 minutes: see ${url}/health/services`);
  });
}
result.then(
  () => {
    stopped.abort();
    process.exit(0);
  },
  (events: Array<{ exitCode: number | string; command: { name: string } }>) => {
    stopped.abort();
    const failed = events.filter((event) => event.exitCode !== 0 && event.exitCode !== 'SIGINT' && event.exitCode !== 'SIGTERM');
    process.exit(failed.length ? 1 : 0);
  },
);
