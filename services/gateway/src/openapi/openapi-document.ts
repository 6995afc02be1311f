import { z } from 'zod';
import { API_ROUTES, type ApiRoute } from './api-routes.ts';

type JsonSchema = Record<string, unknown>;
export type OpenApiDocument = Record<string, unknown> & { paths: Record<string, Record<string, JsonSchema>>; components: { schemas: Record<string, JsonSchema> } & Record<string, unknown> };

const SCHEMA_REF = (id: string) => `#/components/schemas/${id}`;
const STATUS_TEXT: Record<number, string> = {
  200: 'OK', 201: 'Created', 202: 'Accepted: stored, not yet applied (poll GET /api/v1/transactions/{id})', 204: 'No content',
  400: 'Bad request', 401: 'Not signed in, or the token is not valid', 403: 'Forbidden', 404: 'Not found', 409: 'Conflict',
  413: 'Body too large', 422: 'Invalid input (the fields at fault are in `errors`)', 429: 'Too many attempts (see Retry-After)',
  502: 'The upstream service answered badly', 503: 'The upstream service is unavailable', 504: 'The upstream service did not answer in time',
};

const idOf = (schema: z.ZodType) => z.globalRegistry.get(schema)?.id;

function clean(schema: JsonSchema): JsonSchema {
  const { $schema: _schema, $id: _id, ...rest } = schema;
  return rest;
}

/** A route's body or response schema: a $ref when it is a named component, else inline. */
function schemaOf(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const id = idOf(schema);
  if (id) return { $ref: SCHEMA_REF(id) };
  return clean(z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as JsonSchema);
}

function parameters(route: ApiRoute): JsonSchema[] {
  const list: JsonSchema[] = [];
  for (const [where, shape] of [['path', route.params], ['query', route.query]] as const) {
    if (!shape) continue;
    const json = z.toJSONSchema(shape, { io: 'input', unrepresentable: 'any' }) as { properties?: Record<string, JsonSchema>; required?: string[] };
    for (const [name, schema] of Object.entries(json.properties ?? {})) {
      list.push({ name, in: where, required: where === 'path' || (json.required ?? []).includes(name), schema });
    }
  }
  if (route.idempotencyKey) {
    list.push({
      name: 'Idempotency-Key', in: 'header', required: false,
      description: 'Makes a retry safe: the same key with the same body returns the recorded transaction (200, `Idempotent-Replayed: true`) instead of recording it twice. Without one a retry is a new transaction.',
      schema: { type: 'string', pattern: '^[A-Za-z0-9_.:-]{1,100}$' },
    });
  }
  return list;
}

function operation(route: ApiRoute): JsonSchema {
  const responses: Record<string, JsonSchema> = {};
  for (const [status, schema] of Object.entries(route.responses)) {
    responses[status] = { description: STATUS_TEXT[Number(status)] ?? 'OK', ...(schema ? { content: { 'application/json': { schema: schemaOf(schema, 'output') } } } : {}) };
  }
  if (route.idempotencyKey) {
    for (const status of ['200', '201', '202']) {
      responses[status]!.headers = { Location: { description: 'The URL of the recorded transaction.', schema: { type: 'string' } } };
    }
  }
  const problems = { ...route.problems, 500: ['internal_error'] };
  for (const [status, codes] of Object.entries(problems)) {
    responses[status] = {
      description: `${STATUS_TEXT[Number(status)] ?? 'Error'}. code: ${codes.map((code) => `\`${code}\``).join(', ')}`,
      content: { 'application/problem+json': { schema: { $ref: SCHEMA_REF('Problem') } } },
    };
  }
  const params = parameters(route);
  return {
    operationId: `${route.method}${route.path.replace('/api/v1', '').replace(/\{(\w+)\}/g, 'By-$1').split(/[/-]/).map((part) => (part ? part[0]!.toUpperCase() + part.slice(1) : '')).join('')}`,
    summary: route.summary,
    tags: [route.tag],
    ...(params.length ? { parameters: params } : {}),
    ...(route.body ? { requestBody: { required: true, content: { 'application/json': { schema: schemaOf(route.body, 'input') } } } } : {}),
    responses,
    security: route.auth ? [{ bearerAuth: [] }] : [],
  };
}

/** The named component schemas: request shapes as clients send them (input), the rest as the API answers (output). */
function componentSchemas(routes: ApiRoute[]): Record<string, JsonSchema> {
  const requestIds = new Set(routes.flatMap((route) => (route.body ? [idOf(route.body)] : [])).filter(Boolean));
  const asInput = z.toJSONSchema(z.globalRegistry, { io: 'input', unrepresentable: 'any', uri: SCHEMA_REF }).schemas;
  const asOutput = z.toJSONSchema(z.globalRegistry, { io: 'output', unrepresentable: 'any', uri: SCHEMA_REF }).schemas;
  const inputOnly = new Set([...requestIds, 'InvestmentProfile']);
  return Object.fromEntries(
    Object.keys(asOutput)
      .sort()
      .map((id) => [id, clean((inputOnly.has(id) ? asInput[id] : asOutput[id]) as JsonSchema)]),
  );
}

/**
 * The OpenAPI 3.1 document of the gateway's public API, generated from @ledgerline/api-schemas (the schemas the
 * services validate with and type their answers by) and the route list: committed as contracts/openapi/openapi.json,
 * served at /api/v1/openapi.json.
 */
export function buildOpenApiDocument(routes: ApiRoute[] = API_ROUTES): OpenApiDocument {
  const paths: Record<string, Record<string, JsonSchema>> = {};
  for (const route of routes) (paths[route.path] ??= {})[route.method] = operation(route);
  return {
    openapi: '3.1.0',
    info: {
      title: 'Ledgerline API',
      version: '1.0.0',
      description:
        'The public API of Ledgerline, served by the gateway under /api/v1. Money and quantities are decimal strings (money 2 dp, quantities up to 6 dp, prices up to 4 dp). Errors are RFC 9457 problem+json with a stable `code`. Sign in with POST /api/v1/auth/login and send the access token as `Authorization: Bearer <token>`.',
    },
    servers: [{ url: '/' }],
    tags: [
      { name: 'auth', description: 'Accounts, sign-in, sessions, your profile' },
      { name: 'portfolios', description: 'Portfolios, holdings and performance' },
      { name: 'instruments', description: 'The instrument universe and prices' },
      { name: 'transactions', description: 'Trades and cash movements, history' },
    ],
    paths,
    components: {
      schemas: componentSchemas(routes),
      securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'The access token from POST /api/v1/auth/login (or /refresh).' } },
    },
  };
}
