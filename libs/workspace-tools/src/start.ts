/**
 * `npm start`: runs every service that exists on its fixed dev port with its own ./data/<service>.sqlite,
 * output prefixed by service name. Ctrl-C stops them all (each shuts down gracefully on SIGINT/SIGTERM).
 */
import concurrently from 'concurrently';
import { discoverServices } from './discover.ts';

const services = discoverServices();
if (!services.length) {
  console.error('No service with a "serve" script under services/.');
  process.exit(1);
}
console.log(`Starting ${services.map((s) => s.name).join(', ')} (Ctrl-C stops all)`);
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
