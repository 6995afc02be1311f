import test from 'ava';
import { createServer } from 'node:http';
import { waitUntilUp } from './wait-until-up.ts';

test('waits through 503 answers and resolves once the URL answers 200', async (t) => {
  let answers = 0;
  const server = createServer((_req, res) => {
    answers += 1;
    res.writeHead(answers < 3 ? 503 : 200).end();
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  t.teardown(() => server.close());
  const { port } = server.address() as { port: number };
  t.true(await waitUntilUp(`http://127.0.0.1:${port}/health/services`, { timeoutMs: 10_000, intervalMs: 10 }));
  t.is(answers, 3, 'not up before the first 200');
});

test('gives up (false) when nothing answers 200 in time or the signal aborts', async (t) => {
  const server = createServer((_req, res) => res.writeHead(503).end());
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  t.teardown(() => server.close());
  const { port } = server.address() as { port: number };
  t.false(await waitUntilUp(`http://127.0.0.1:${port}/`, { timeoutMs: 100, intervalMs: 10 }));
  t.false(await waitUntilUp(`http://127.0.0.1:${port}/`, { timeoutMs: 10_000, signal: AbortSignal.abort() }));
});
