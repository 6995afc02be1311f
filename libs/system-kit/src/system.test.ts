import test from 'ava';
import { existsSync } from 'node:fs';
import { startSystem } from './index.ts';

test('the whole system starts on free ports with temp databases, answers through the gateway, and stops leaving nothing', async (t) => {
  const system = await startSystem();
  let stopped = false;
  t.teardown(async () => {
    if (!stopped) await system.stop();
  });
  const health = await fetch(`${system.gatewayUrl}/health/services`);
  t.is(health.status, 200);
  t.deepEqual(Object.keys(((await health.json()) as { services: object }).services).sort(), ['auth', 'portfolio', 'transaction']);

  const login = await fetch(`${system.gatewayUrl}/api/v1/auth/login`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(system.admin),
  });
  t.is(login.status, 200, 'the configured admin can log in');
  const { accessToken } = (await login.json()) as { accessToken: string };
  const instruments = await fetch(`${system.gatewayUrl}/api/v1/instruments?q=AAPL`, { headers: { authorization: `Bearer ${accessToken}` } });
  t.is(instruments.status, 200);
  t.true(((await instruments.json()) as { items: Array<{ symbol: string }> }).items.some((i: { symbol: string }) => i.symbol === 'AAPL'));

  t.true(existsSync(system.dataDir));
  await system.stop();
  stopped = true;
  t.false(existsSync(system.dataDir), 'the temp data dir is removed');
});
