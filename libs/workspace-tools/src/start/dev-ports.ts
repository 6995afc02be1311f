import { createServer } from 'node:net';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ServiceInfo } from '../discover.ts';

export interface DevAddress {
  service: string;
  port: number;
  host: string;
  /** The environment variable that moves this service's port (PORT_VARIABLE of its config.ts). */
  portVariable: string;
}

/** Each service's address as its own config.ts reads it from this environment (the one definition of the dev ports). */
export async function devAddresses(services: ServiceInfo[], env: NodeJS.ProcessEnv = process.env): Promise<DevAddress[]> {
  return Promise.all(
    services.map(async (service) => {
      const { readConfig } = (await import(pathToFileURL(join(service.dir, 'src/config.ts')).href)) as {
        readConfig(env: NodeJS.ProcessEnv): { port: number; host: string; portVariable: string };
      };
      const { port, host, portVariable } = readConfig(env);
      return { service: service.name, port, host, portVariable };
    }),
  );
}

function isFree(port: number, host: string): Promise<boolean> {
  return new Promise((resolvePromise) => {
    const probe = createServer();
    probe.once('error', () => resolvePromise(false));
    probe.listen({ port, host, exclusive: true }, () => probe.close(() => resolvePromise(true)));
  });
}

/** One line per address another process already holds, naming the port and the variable that moves it. */
export async function takenPortMessages(addresses: DevAddress[]): Promise<string[]> {
  const taken = await Promise.all(addresses.map(async (address) => ((await isFree(address.port, address.host)) ? undefined : address)));
  return taken
    .filter((address) => address !== undefined)
    .map((address) => `Port ${address.port} (${address.service}) is already in use: stop whatever holds it, or set ${address.portVariable} to another port.`);
}
