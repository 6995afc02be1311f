/**
 * Test support for the gateway's unit tests: the real gateway (createApp with the real typed clients)
 * in front of in-process fake upstreams on port 0 that record what reached them.
 */
import supertest from 'supertest';
import { localKeys, type KeyResolver } from '@ledgerline/auth-tokens';
import { AuthClient } from '@ledgerline/auth-client';
import { PortfolioApiClient } from '@ledgerline/portfolio-client';
import { TransactionClient } from '@ledgerline/transaction-client';
import {
  closedPortUrl, createTestClock, createTestLogger, createTestTokenIssuer, startFakeUpstream, type FakeUpstream, type Teardown, type TestTokenIssuer,
} from '@ledgerline/test-kit';
import type { Context, Next } from 'koa';
import { createApp } from './app.ts';
import { buildOpenApiDocument } from './openapi/openapi-document.ts';
import { createResponseChecker } from './openapi/response-check.ts';
import type { GatewaySettings } from './deps.ts';

/** Built once per worker: every test app serves it, and every response is checked against it. */
const document = buildOpenApiDocument();

export interface GatewayTestApp {
  http: ReturnType<typeof supertest>;
  /** The Koa app itself (e.g. to list its routes). */
  app: ReturnType<typeof createApp>;
  issuer: TestTokenIssuer;
  clock: ReturnType<typeof createTestClock>;
  upstreams: { auth: FakeUpstream; portfolio: FakeUpstream; transaction: FakeUpstream };
  /** A real access token for a user, signed by the key the gateway trusts. */
  bearer(claims?: Parameters<TestTokenIssuer['token']>[0]): Promise<string>;
}

type Service = 'auth' | 'portfolio' | 'transaction';

export async function createGatewayTestApp(
  t: Teardown,
  options: {
    settings?: Partial<GatewaySettings>;
    /**
     * The clients' upstream timeout. Tests of timeouts set a short one; the default is long because the fake
     * upstreams answer from the same AVA worker that runs the project's other tests at the same time: under load a
     * 2 s timeout turned their answers into 504s (seen on a busy 2-core machine), measuring the load, not the gateway.
     */
    timeoutMs?: number;
    webRoot?: string;
    down?: Service[];
    keys?: KeyResolver;
    /**
     * Check every response against the OpenAPI document (default true). Only the authorization matrix turns it
     * off: its fake services answer every route with one sentinel problem, to prove which side decided.
     */
    checkResponses?: boolean;
  } = {},
): Promise<GatewayTestApp> {
  const issuer = await createTestTokenIssuer();
  const clock = createTestClock(new Date());
  const [auth, portfolio, transaction] = await Promise.all([startFakeUpstream(t), startFakeUpstream(t), startFakeUpstream(t)]);
  const timeoutMs = options.timeoutMs ?? 30_000;
  const down = options.down ?? [];
  const urlOf = async (service: Service, fake: FakeUpstream) => (down.includes(service) ? closedPortUrl() : fake.url);
  const app = createApp({
    logger: createTestLogger(),
    keys: options.keys ?? localKeys(issuer.jwks),
    clock: clock.now,
    clients: {
      auth: new AuthClient({ baseUrl: await urlOf('auth', auth), timeoutMs }),
      portfolio: new PortfolioApiClient({ baseUrl: await urlOf('portfolio', portfolio), timeoutMs }),
      transaction: new TransactionClient({ baseUrl: await urlOf('transaction', transaction), timeoutMs }),
    },
    settings: options.settings,
    webRoot: options.webRoot,
    openApi: document,
  });
  if (options.checkResponses ?? true) app.middleware.unshift(checkAgainstOpenApi);
  return {
    http: supertest(app.callback()),
    app,
    issuer,
    clock,
    upstreams: { auth, portfolio, transaction },
    bearer: async (claims) => `Bearer ${await issuer.token({ now: clock.now(), ...claims })}`,
  };
}

const checkResponse = createResponseChecker(document);

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text; // not JSON: the check names the mismatch
  }
}

/**
 * Outermost in every gateway test app: each /api/v1 response is checked against the OpenAPI document for its
 * route and status; one that violates it becomes a 500 `openapi_violation` naming what is wrong (also printed),
 * so the test that saw it fails and the document cannot drift from what the gateway sends. The web → gateway
 * provider verification puts it in front of its gateway too (test/support/stack.ts).
 */
export async function checkAgainstOpenApi(ctx: Context, next: Next): Promise<void> {
  await next();
  if (!ctx.path.startsWith('/api/v1/') || ctx.path === '/api/v1/openapi.json') return;
  const contentType = ctx.response.get('content-type') || ctx.type;
  const raw = ctx.body === undefined || ctx.body === null ? undefined : ctx.body;
  // A body the gateway passes on as the service sent it (ServiceClient.relay) is JSON text: checked as what it says.
  const body = typeof raw === 'string' && /^application\/(problem\+)?json\b/.test(contentType) ? parseJson(raw) : raw;
  const violation = checkResponse({ method: ctx.method, path: ctx.path, status: ctx.status, contentType, body });
  if (!violation) return;
  console.error(`openapi_violation: ${violation}`);
  ctx.status = 500;
  ctx.type = 'application/problem+json';
  ctx.body = { type: 'about:blank', title: 'Response violates the OpenAPI document', status: 500, code: 'openapi_violation', detail: violation };
}
