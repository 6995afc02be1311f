import { createServer } from 'node:http';
import type Koa from 'koa';

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
