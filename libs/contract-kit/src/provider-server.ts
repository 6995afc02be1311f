import { createServer } from 'node:http';
import type Koa from 'koa';
import type { Orm } from '@ledgerline/db-kit';
import { clearDatabase } from '@ledgerline/test-kit';
import type { RunningProvider } from './provider.ts';

export interface ProviderServer {
  baseUrl: string;
  close(): Promise<void>;
}

/**
 * An HTTP server on 127.0.0.1:0 that hands every request to `current()` — so a reset can build a fresh app
 * (fresh in-memory state such as throttles) behind the same port.
 */
export async function providerServer(current: () => Koa): Promise<ProviderServer> {
  const server = createServer((req, res) => current().callback()(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/**
 * The usual provider under verification: the app on a `providerServer`, its database emptied and the app
 * rebuilt (`rebuild`) before every interaction, the server and ORM closed at the end.
 */
export async function serveProvider(options: { orm: Orm; app: () => Koa; rebuild: () => void | Promise<void> }): Promise<RunningProvider> {
  const server = await providerServer(options.app);
  return {
    baseUrl: server.baseUrl,
    async reset() {
      await clearDatabase(options.orm);
      await options.rebuild();
    },
    async close() {
      await server.close();
      await options.orm.close(true);
    },
  };
}
