import test from 'ava';
import { createServer, type Server } from 'node:net';
import { discoverServices } from '../discover.ts';
import { devAddresses, takenPortMessages } from './dev-ports.ts';

function hold(): Promise<{ server: Server; port: number }> {
  return new Promise((resolvePromise) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => resolvePromise({ server, port: (server.address() as { port: number }).port }));
  });
}

test('a taken dev port is one line naming the port, the service and the variable that moves it', async (t) => {
  const { server, port } = await hold();
  t.teardown(() => server.close());
  const messages = await takenPortMessages([{ service: 'gateway', port, host: '127.0.0.1', portVariable: 'GATEWAY_PORT' }]);
  t.deepEqual(messages, [`Port ${port} (gateway) is already in use: stop whatever holds it, or set GATEWAY_PORT to another port.`]);
});

test('free ports give no message', async (t) => {
  const { server, port } = await hold();
  await new Promise((done) => server.close(done));
  t.deepEqual(await takenPortMessages([{ service: 'auth', port, host: '127.0.0.1', portVariable: 'AUTH_PORT' }]), []);
});

test("the dev addresses are the services' own configuration, moved by each one's variable", async (t) => {
  const addresses = await devAddresses(discoverServices(), { GATEWAY_PORT: '5100' });
  const gateway = addresses.find((address) => address.service === 'gateway');
  t.like(gateway, { port: 5100, portVariable: 'GATEWAY_PORT' });
  t.deepEqual(addresses.map((address) => address.portVariable).sort(), ['AUTH_PORT', 'GATEWAY_PORT', 'PORTFOLIO_PORT', 'TRANSACTION_PORT']);
  t.is(new Set(addresses.map((address) => address.port)).size, addresses.length, 'every service has its own dev port');
});
