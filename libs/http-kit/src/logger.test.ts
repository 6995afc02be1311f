import test from 'ava';
import { PassThrough } from 'node:stream';
import Koa from 'koa';
import supertest from 'supertest';
import { createLogger, logFormat, requestId } from './index.ts';

function capture() {
  const stream = new PassThrough();
  const chunks: string[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk.toString('utf8')));
  return { stream, lines: () => chunks.join('').split('\n').filter(Boolean) };
}

test('a terminal gets readable lines, a pipe gets JSON, LOG_FORMAT decides when set', (t) => {
  t.is(logFormat({}, true), 'pretty');
  t.is(logFormat({}, false), 'json');
  t.is(logFormat({ LOG_FORMAT: 'json' }, true), 'json');
  t.is(logFormat({ LOG_FORMAT: 'pretty' }, false), 'pretty');
});

async function logOneRequest(format: 'json' | 'pretty', env: NodeJS.ProcessEnv = {}, path = '/valuation') {
  const out = capture();
  const logger = createLogger({ name: 'demo', level: 'info', format, env, destination: out.stream });
  const app = new Koa();
  app.use(requestId(logger));
  app.use((ctx) => {
    ctx.state.log.info({ holdings: 3 }, 'valued the portfolio');
    ctx.body = 'ok';
  });
  await supertest(app.callback()).get(path).set('x-request-id', 'req-42');
  return out.lines();
}

test('pretty lines: one line per entry, the request id on every line of the request, coloured only when asked', async (t) => {
  const lines = await logOneRequest('pretty');
  t.is(lines.length, 2);
  t.regex(lines[0]!, /^\[\d\d:\d\d:\d\d\.\d{3}] INFO: \[req-42\] valued the portfolio \{"holdings":3\}$/);
  t.regex(lines[1]!, /INFO: \[req-42\] request \{"method":"GET","path":"\/valuation","status":200,"ms":\d+\}$/);
  const coloured = await logOneRequest('pretty', { FORCE_COLOR: '1' });
  t.true(coloured.every((line) => line.includes('\u001b[')), 'ANSI colours with FORCE_COLOR');
  t.false(lines.some((line) => line.includes('\u001b[')), 'no colours without a terminal');
});

test('JSON lines: one object per entry with the service and request id', async (t) => {
  const lines = (await logOneRequest('json')).map((line) => JSON.parse(line) as Record<string, unknown>);
  t.is(lines.length, 2);
  t.like(lines[0], { service: 'demo', requestId: 'req-42', msg: 'valued the portfolio', holdings: 3 });
  t.like(lines[1], { service: 'demo', requestId: 'req-42', msg: 'request', status: 200 });
});

test('health probes, polled all the time, log their request line only at debug level', async (t) => {
  const lines = (await logOneRequest('json', {}, '/health/ready')).map((line) => JSON.parse(line) as Record<string, unknown>);
  t.deepEqual(lines.map((line) => line.msg), ['valued the portfolio']);
});
