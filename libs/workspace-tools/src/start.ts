/**
 * `npm start`: runs every service that exists on its fixed dev port with its own ./data/<service>.sqlite,
 * output prefixed by service name. Ctrl-C stops them all (each shuts down gracefully on SIGINT/SIGTERM).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import concurrently from 'concurrently';
import { discoverServices, REPO_ROOT } from './discover.ts';

// The gateway serves the built web UI: build it first (Nx serves it from cache when nothing changed).
if (existsSync(join(REPO_ROOT, 'services/web/package.json'))) {
  console.log('Building the web UI (nx build web)…');
  const build = spawnSync('nx', ['run', 'web:build', '--outputStyle=static'], { cwd: REPO_ROOT, stdio: 'inherit', shell: false });
  if (build.status !== 0) {
    console.error('The web UI did not build; fix it or run the services without it.');
    process.exit(build.status ?? 1);
  }
}

const services = discoverServices();
if (!services.length) {
  console.error('No service with a "serve" script under services/.');
  process.exit(1);
}
console.log(`Starting ${services.map((s) => s.name).join(', ')} (Ctrl-C stops all)`);
if (services.some((s) => s.name === 'gateway')) console.log('Open http://localhost:4000 once every service says it is listening.');
const { result } = concurrently(
  services.map((service) => ({ name: service.name, command: 'node src/main.ts', cwd: service.dir, env: { FORCE_COLOR: '1' } })),
  { prefix: 'name', killOthersOn: ['failure'], killSignal: 'SIGTERM', prefixColors: ['cyan', 'magenta', 'yellow', 'green', 'blue'] },
);
result.then(
  () => process.exit(0),
  (events: Array<{ exitCode: number | string; command: { name: string } }>) => {
    const failed = events.filter((event) => event.exitCode !== 0 && event.exitCode !== 'SIGINT' && event.exitCode !== 'SIGTERM');
    process.exit(failed.length ? 1 : 0);
  },
);
