import test from 'ava';
import Koa from 'koa';
import Router from '@koa/router';
import { decodeJwt, decodeProtectedHeader } from 'jose';
import { localKeys, verifyAccessToken } from '@ledgerline/auth-tokens';
import { createTestTokenIssuer } from '../tokens.ts';
import { TOKEN_CASES } from './forged-tokens.ts';
import { matrixGaps, routeInventory } from './route-inventory.ts';

test('the route inventory reads every mounted router (prefixes, params, every method) and names a route the matrix lacks', (t) => {
  const app = new Koa();
  const items = new Router({ prefix: '/items' });
  items.use(async (_ctx, next) => next()); // router-level middleware is no route
  items.get('/', () => undefined);
  items.get('/:id', () => undefined);
  items.put('/:id/price', () => undefined);
  const health = new Router();
  health.get('/health/live', () => undefined);
  app.use(items.routes()).use(items.allowedMethods());
  app.use(health.routes());
  app.use(async () => undefined); // plain middleware: ignored
  t.deepEqual(routeInventory(app), ['GET /health/live', 'GET /items', 'GET /items/:id', 'PUT /items/:id/price']);
  t.deepEqual(matrixGaps(app, [{ route: 'GET /items' }, { route: 'GET /items/:id' }, { route: 'GET /health/live' }, { route: 'DELETE /items/:id' }]), {
    missing: ['PUT /items/:id/price'],
    stale: ['DELETE /items/:id'],
  });
});

test('every forged token claims the victim with the admin role, and the real verification refuses each with its code', async (t) => {
  const issuer = await createTestTokenIssuer();
  const now = new Date();
  const victim = await issuer.token({ userId: 'victim-1', role: 'user', now });
  const keys = localKeys(issuer.jwks);
  for (const kind of TOKEN_CASES) {
    const header = await kind.header({ key: issuer.key, token: victim, now });
    if (kind.code === 'unauthorized') {
      t.false(header?.startsWith('Bearer ') ?? false, `${kind.name}: not a bearer header`);
      continue;
    }
    const token = header!.slice('Bearer '.length);
    if (kind.name !== 'not a JWT') {
      t.like(decodeJwt(token), { sub: 'victim-1', role: 'admin' }, `${kind.name}: claims the victim as admin`);
      t.truthy(decodeProtectedHeader(token).alg, kind.name);
    }
    const error = await t.throwsAsync(verifyAccessToken(token, keys, () => now), undefined, kind.name);
    t.like(error, { status: 401, code: kind.code }, kind.name);
  }
});
