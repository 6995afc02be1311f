import test from 'ava';
import { readFileSync } from 'node:fs';
import { Validator } from '@seriousme/openapi-schema-validator';
import { createGatewayTestApp } from '../testing.ts';
import { API_ROUTES } from './api-routes.ts';
import { buildOpenApiDocument } from './openapi-document.ts';
import { OPENAPI_FILE, renderOpenApi } from './generate.ts';

test('contracts/openapi/openapi.json is exactly what the schemas generate (npm run openapi rewrites it)', (t) => {
  t.is(readFileSync(OPENAPI_FILE, 'utf8'), renderOpenApi(), 'run `npm run openapi` and commit contracts/openapi/openapi.json');
});

test('the document is valid OpenAPI 3.1', async (t) => {
  const validator = new Validator();
  const result = await validator.validate(buildOpenApiDocument());
  t.is(validator.version, '3.1');
  t.deepEqual(result.errors ?? [], []);
  t.true(result.valid);
});

test('a broken document is refused by the validator (the check above can fail)', async (t) => {
  const broken = buildOpenApiDocument() as Record<string, unknown>;
  (broken.paths as Record<string, unknown>)['/api/v1/portfolios'] = { get: { responses: 'none' } };
  t.false((await new Validator().validate(broken)).valid);
});

test('the document describes every public route the gateway serves, and no other', async (t) => {
  const { app } = await createGatewayTestApp(t);
  const served = new Set<string>();
  for (const middleware of app.middleware as Array<{ router?: { stack: Array<{ path: string; methods: string[] }> } }>) {
    for (const layer of middleware.router?.stack ?? []) {
      if (!layer.path.startsWith('/api/v1/') || layer.path === '/api/v1/openapi.json') continue;
      for (const method of layer.methods.filter((m) => m !== 'HEAD')) served.add(`${method} ${layer.path.replace(/\/$/, '').replace(/:(\w+)/g, '{$1}')}`);
    }
  }
  const described = new Set(API_ROUTES.map((route) => `${route.method.toUpperCase()} ${route.path}`));
  t.deepEqual([...served].sort(), [...described].sort());
});

test('the gateway serves the document at /api/v1/openapi.json without a token', async (t) => {
  const { http } = await createGatewayTestApp(t);
  const response = await http.get('/api/v1/openapi.json');
  t.is(response.status, 200);
  t.deepEqual(response.body, JSON.parse(renderOpenApi()));
});

test('every operation names its problem codes, bearer auth and, for recording a trade, the Idempotency-Key header', (t) => {
  const document = buildOpenApiDocument();
  const record = document.paths['/api/v1/transactions']!.post as { parameters: Array<{ name: string; in: string }>; security: unknown[]; responses: Record<string, { description: string }> };
  t.true(record.parameters.some((parameter) => parameter.name === 'Idempotency-Key' && parameter.in === 'header'));
  t.deepEqual(record.security, [{ bearerAuth: [] }]);
  t.regex(record.responses['409']!.description, /`insufficient_cash`/);
  t.deepEqual((document.paths['/api/v1/auth/login']!.post as { security: unknown[] }).security, []);
});
