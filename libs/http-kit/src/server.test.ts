import test from 'ava';
import Koa from 'koa';
import { listen, PortInUseError } from './index.ts';

test('a taken port rejects with one sentence naming the port and the variable that moves it', async (t) => {
  const first = await listen(new Koa(), 0);
  t.teardown(() => first.close());
  const { port } = first.address() as { port: number };
  const error = await t.throwsAsync(listen(new Koa(), port, '127.0.0.1', 'GATEWAY_PORT'), { instanceOf: PortInUseError });
  t.is(error.message, `port ${port} on 127.0.0.1 is already in use: stop whatever holds it, or set GATEWAY_PORT to another port`);
});
