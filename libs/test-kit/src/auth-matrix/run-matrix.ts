/**
 * The authorization matrix: one definition of "who may call a route, and what everyone else gets", run
 * against a service's real app (createApp on a fresh database, real tokens, the test clock).
 *
 * A service describes each route in one line of a table (`MatrixRoute`) and its world once
 * (`MatrixWorld`: the app, the trusted key, an owner with a resource, another user, an admin); `checkRoute`
 * then plays every caller kind against the route and returns nothing but assertions with the case's name.
 */
import type Koa from 'koa';
import type supertest from 'supertest';
import type { Test } from 'supertest';
import { decodeJwt } from 'jose';
import { CLOCK_TOLERANCE_SECONDS, type Role, type SigningKey } from '@ledgerline/auth-tokens';
import type { TestClock } from '../clock.ts';
import type { Teardown } from '../test-orm.ts';
import { TOKEN_CASES, type ForgeryBase } from './forged-tokens.ts';
import { matrixGaps } from './route-inventory.ts';

/**
 * Who may call a route. `public`: anyone, no token. `user`: any signed-in user (lists show only the caller's
 * own data). `owner`: only the owner of the resource in the path; anyone else, admins included, gets the
 * same 404 as for a resource that does not exist. `admin`: only the admin role; a plain user gets 403.
 */
export type Access = 'public' | 'user' | 'owner' | 'admin';

export interface MatrixCaller {
  userId: string;
  role: Role;
  token: string;
}

export interface MatrixWorld {
  app: Koa;
  http: ReturnType<typeof supertest>;
  clock: TestClock;
  /** The key whose tokens the service trusts (forgeries start from it). */
  signingKey: SigningKey;
  /** Path parameters naming the owner's resources, e.g. `{ id: <portfolio id> }`. */
  params: Record<string, string>;
  /** A plain user who owns the resources in `params`. */
  owner: MatrixCaller;
  /** Another plain user. */
  other: MatrixCaller;
  admin: MatrixCaller;
  /** A new user with the role and a token issued now (on the test clock). */
  signIn(role: Role): Promise<MatrixCaller>;
  /** Everything a refused request must leave as it was: database rows, calls that reached a fake upstream. */
  snapshot(): Promise<unknown>;
  /**
   * Deactivates the user where the service can know it (auth, which owns users). Absent where tokens are
   * verified locally: there a deactivated user's token is honoured until it expires — the documented
   * lifetime — and the matrix proves both sides of that boundary.
   */
  deactivate?(caller: MatrixCaller): Promise<void>;
  /** Text of the owner's resources that no refusal (and no other user's list) may contain. */
  secret?: string;
  /** The Authorization header the service last handed upstream (gateway): the caller's own token, unchanged. */
  forwardedAuthorization?(): string | undefined;
}

export interface RequestShape {
  body?: Record<string, unknown>;
  query?: string;
  params?: Record<string, string>;
}

export interface MatrixRoute {
  /** As the route inventory names it: `GET /portfolios/:id`. */
  route: string;
  access: Access;
  /** The status of a successful call by the principal (the owner; the admin on admin routes). */
  ok: number;
  /** The request's body and query (a function when a value must be fresh per call, e.g. a single-use token). */
  request?: RequestShape | ((world: MatrixWorld) => RequestShape | Promise<RequestShape>);
  /**
   * A request the principal's token passes authentication with and that changes nothing — used to put
   * the token into any verified-token cache before the token is invalidated. Default: the request itself for
   * GET; for writes the same path with an empty body (refused by validation, after authentication).
   */
  probe?: RequestShape;
  /**
   * The callers of this route when they are not the world's: e.g. a service-only route called with another service's
   * on-behalf-of tokens for the same users, verified against that service's key.
   */
  callers?(world: MatrixWorld): Promise<Pick<MatrixWorld, 'owner' | 'other' | 'admin' | 'signIn' | 'signingKey'>>;
  /** Valid callers this route refuses beyond what `access` implies, built from the service's own world (e.g. the owner's access token on a service-only route). */
  refuse?: Array<{ name: string; caller(world: MatrixWorld): MatrixCaller | Promise<MatrixCaller>; status: number; code: string }>;
  /** What another user gets on an owned resource (and on one that does not exist): default 404 not_found. */
  hidden?: { status: number; code: string };
}

const REFUSAL_TYPE = 'application/problem+json';

/** The assertions the matrix uses (AVA's `t`; kept structural so the kit does not depend on one runner). */
export interface Assertions {
  deepEqual(actual: unknown, expected: unknown, message?: string): void;
}

function pathOf(route: string, params: Record<string, string>): { method: string; path: string } {
  const [method, pattern] = route.split(' ');
  const path = pattern.replace(/:(\w+)/g, (_, name: string) => {
    if (!(name in params)) throw new Error(`the matrix world has no value for :${name} (${route})`);
    return encodeURIComponent(params[name]);
  });
  return { method: method.toLowerCase(), path };
}

interface Outcome {
  status: number;
  type: string;
  body: { code?: string } & Record<string, unknown>;
}

/** One request of a route as `authorization` (a full header value, or none). */
async function send(world: MatrixWorld, entry: MatrixRoute, authorization: string | undefined, shape?: RequestShape): Promise<Outcome> {
  const base = typeof entry.request === 'function' ? await entry.request(world) : (entry.request ?? {});
  const { body, query, params } = { ...base, ...shape };
  const { method, path } = pathOf(entry.route, { ...world.params, ...params });
  const request = (world.http as unknown as Record<string, (url: string) => Test>)[method](`${path}${query ?? ''}`);
  if (authorization !== undefined) request.set('authorization', authorization);
  const response = await (body === undefined ? request : request.send(body));
  return { status: response.status, type: response.type, body: response.body ?? {} };
}

const bearer = (caller: MatrixCaller) => `Bearer ${caller.token}`;
const expiryOf = (caller: MatrixCaller) => (decodeJwt(caller.token).exp as number) * 1000;

/**
 * Plays every caller kind against one route and collects each mismatch as a sentence naming the case,
 * so one failing check reads: `PUT /instruments/:symbol/price — plain user on an admin route: expected 403
 * admin_only, got 200`. Ends with one assertion per phase; the test passes only when every case held.
 */
export async function checkRoute(t: Assertions, serviceWorld: MatrixWorld, entry: MatrixRoute): Promise<void> {
  const world: MatrixWorld = entry.callers ? { ...serviceWorld, ...(await entry.callers(serviceWorld)) } : serviceWorld;
  const mismatches: string[] = [];
  const method = entry.route.split(' ')[0];
  const probeShape: RequestShape = entry.probe ?? (method === 'GET' ? {} : { body: {} });
  const leaks = (response: Outcome) => Boolean(world.secret && JSON.stringify({ ...response.body, instance: undefined }).includes(world.secret));
  const expectRefused = (name: string, response: Outcome, status: number, code: string) => {
    if (response.status !== status || response.body.code !== code) {
      mismatches.push(`${name}: expected ${status} ${code}, got ${response.status} ${response.body.code ?? JSON.stringify(response.body).slice(0, 120)}`);
    } else if (response.type !== REFUSAL_TYPE) {
      mismatches.push(`${name}: the ${status} is ${response.type}, not ${REFUSAL_TYPE}`);
    } else if (leaks(response)) {
      mismatches.push(`${name}: the refusal reveals the owner's data`);
    }
  };
  const expectAccepted = (name: string, response: Outcome) => {
    if (response.status === 401 || response.status >= 500) mismatches.push(`${name}: expected the token to be accepted, got ${response.status} ${response.body.code ?? ''}`);
  };

  if (entry.access === 'public') {
    for (const [name, header] of [['anonymous', undefined], ['with an invalid token (ignored on a public route)', 'Bearer not.a.jwt']] as const) {
      const response = await send(world, entry, header);
      if (response.status !== entry.ok) mismatches.push(`${name}: expected ${entry.ok}, got ${response.status} ${response.body.code ?? ''}`);
    }
    t.deepEqual(mismatches, [], `${entry.route} is public`);
    return;
  }

  const principal = entry.access === 'admin' ? world.admin : world.owner;
  const forgery = (caller: MatrixCaller): ForgeryBase => ({ key: world.signingKey, token: caller.token, now: world.clock.now() });
  const deactivated = world.deactivate ? await world.signIn(principal.role) : undefined;
  if (deactivated) await world.deactivate!(deactivated);
  const before = await world.snapshot();

  // 1. Tokens that must never let anyone in.
  for (const kind of TOKEN_CASES) {
    expectRefused(kind.name, await send(world, entry, await kind.header(forgery(principal))), 401, kind.code);
  }
  // 2. Valid tokens of callers the rule refuses.
  if (entry.access === 'admin') {
    expectRefused('plain user on an admin route', await send(world, entry, bearer(world.owner)), 403, 'admin_only');
  }
  if (entry.access === 'owner') {
    const hidden = entry.hidden ?? { status: 404, code: 'not_found' };
    const foreign = await send(world, entry, bearer(world.other));
    expectRefused('another user on an owned resource', foreign, hidden.status, hidden.code);
    expectRefused('an admin on someone else\'s resource', await send(world, entry, bearer(world.admin)), hidden.status, hidden.code);
    const missingParams = Object.fromEntries(Object.keys(world.params).map((name) => [name, '00000000-0000-4000-8000-000000000000']));
    const missing = await send(world, entry, bearer(world.other), { params: missingParams });
    // the two must read the same once the ids the caller sent are blanked out
    const strip = (response: Outcome, params: Record<string, string>) =>
      Object.entries(params).reduce((text, [, value]) => text.split(value).join('<param>'), JSON.stringify({ ...response.body, instance: undefined, requestId: undefined }));
    if (strip(foreign, world.params) !== strip(missing, missingParams)) {
      mismatches.push(`another user on an owned resource: the refusal differs from the one for a resource that does not exist (${strip(foreign, world.params)} vs ${strip(missing, missingParams)})`);
    }
  }
  if (entry.access === 'user' && method === 'GET' && world.secret) {
    const theirs = await send(world, entry, bearer(world.other));
    if (theirs.status !== entry.ok || leaks(theirs)) mismatches.push(`another user: expected ${entry.ok} without the owner's data, got ${theirs.status}${leaks(theirs) ? ' with the owner\'s data' : ''}`);
  }
  for (const extra of entry.refuse ?? []) expectRefused(extra.name, await send(world, entry, bearer(await extra.caller(serviceWorld))), extra.status, extra.code);
  if (deactivated) expectRefused('deactivated user (refused at once)', await send(world, entry, bearer(deactivated)), 401, 'account_inactive');
  t.deepEqual(mismatches, [], `${entry.route}: every refused caller`);
  t.deepEqual(await world.snapshot(), before, `${entry.route}: the refused requests changed nothing`);

  // 3. The principal gets in (and their token is now in any verified-token cache of the service).
  expectAccepted('probe by the principal', await send(world, entry, bearer(principal), probeShape));
  const success = await send(world, entry, bearer(principal));
  if (success.status !== entry.ok) mismatches.push(`${principal === world.admin ? 'the admin' : 'the owner'}: expected ${entry.ok}, got ${success.status} ${success.body.code ?? ''} ${success.body.detail ?? ''}`);
  if (world.forwardedAuthorization && world.forwardedAuthorization() !== bearer(principal)) {
    mismatches.push(`the principal: the upstream did not receive the caller's own token (got ${world.forwardedAuthorization()})`);
  }
  t.deepEqual(mismatches, [], `${entry.route}: the principal is let in`);

  // 4. A cached yes never outlives the rule: the same cases after the token was accepted once.
  const victim = await world.signIn(principal.role);
  expectAccepted('after a warm cache: the victim\'s probe', await send(world, entry, bearer(victim), probeShape));
  if (world.deactivate) await world.deactivate(victim);
  let unchanged = await world.snapshot();
  for (const kind of TOKEN_CASES.filter((c) => c.code !== 'unauthorized')) {
    expectRefused(`after a warm cache: ${kind.name}`, await send(world, entry, await kind.header(forgery(principal))), 401, kind.code);
  }
  if (world.deactivate) {
    expectRefused('after a warm cache: deactivated user (refused at once)', await send(world, entry, bearer(victim)), 401, 'account_inactive');
  } else {
    // Tokens are verified locally here: a deactivated user's token is honoured up to its expiry, not a second more.
    t.deepEqual(await world.snapshot(), unchanged, `${entry.route}: the refused requests after the success changed nothing`);
    world.clock.set(new Date(expiryOf(victim) - 1000));
    expectAccepted('deactivated user, 1 s before the token expires (within the documented lifetime)', await send(world, entry, bearer(victim), probeShape));
    unchanged = await world.snapshot();
    world.clock.set(new Date(expiryOf(victim) + (CLOCK_TOLERANCE_SECONDS + 1) * 1000));
    expectRefused('deactivated user, once the token has expired', await send(world, entry, bearer(victim)), 401, 'token_expired');
  }
  world.clock.set(new Date(Math.max(world.clock.now().getTime(), expiryOf(principal) + (CLOCK_TOLERANCE_SECONDS + 1) * 1000)));
  expectRefused('after a warm cache: the principal\'s accepted token, once expired', await send(world, entry, bearer(principal)), 401, 'token_expired');
  t.deepEqual(mismatches, [], `${entry.route}: after the token was accepted once`);
  t.deepEqual(await world.snapshot(), unchanged, `${entry.route}: the refused requests after the success changed nothing`);
}

/** The matrix names every route of the app (a new route without an entry fails, naming it) and no route that is gone. */
export function checkMatrixCoversApp(t: Assertions, app: Koa, entries: MatrixRoute[]): void {
  const { missing, stale } = matrixGaps(app, entries);
  t.deepEqual(missing, [], `routes with no entry in the authorization matrix: ${missing.join(', ')}`);
  t.deepEqual(stale, [], `matrix entries that name no route: ${stale.join(', ')}`);
}

/** A test runner's `test(title, implementation)` (AVA's `test`). */
export type RegisterTest<T extends Assertions & Teardown> = (title: string, implementation: (t: T) => Promise<void>) => void;

/**
 * Registers a service's matrix: one test that the table names every route of the app and that every public
 * route answers without a token, then one test per protected route. Each test builds its own world.
 */
export function registerAuthorizationMatrix<T extends Assertions & Teardown>(
  test: RegisterTest<T>,
  options: { service: string; matrix: MatrixRoute[]; world(t: T): Promise<MatrixWorld> },
): void {
  const open = options.matrix.filter((entry) => entry.access === 'public');
  test(`authorization matrix: the table names every route of ${options.service}; the public ones need no token (${open.length})`, async (t) => {
    const world = await options.world(t);
    checkMatrixCoversApp(t, world.app, options.matrix);
    for (const entry of open) await checkRoute(t, world, entry);
  });
  for (const entry of options.matrix.filter((e) => e.access !== 'public')) {
    test(`authorization matrix: ${entry.route} (${entry.access})`, async (t) => {
      await checkRoute(t, await options.world(t), entry);
    });
  }
}
