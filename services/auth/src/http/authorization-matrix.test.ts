/**
 * The auth service's authorization matrix: every route of createApp, every caller kind (see checkRoute in
 * the test kit). Auth owns the users, so a deactivated user is refused here at once, cached or not.
 * A route added without a line here fails the coverage test, naming it.
 */
import test from 'ava';
import { randomUUID } from 'node:crypto';
import type { Role } from '@ledgerline/auth-tokens';
import { registerAuthorizationMatrix, snapshotDatabase, uniqueEmail, type MatrixCaller, type MatrixRoute, type MatrixWorld } from '@ledgerline/test-kit';
import { createAuthTestApp, GOOD_PASSWORD } from '../testing.ts';

/** The auth world also hands out single-use refresh tokens and a registration body. */
interface AuthWorld extends MatrixWorld {
  refreshToken(): Promise<string>;
  registerBody(): Record<string, unknown>;
}
const auth = (world: MatrixWorld) => world as AuthWorld;

const MATRIX: MatrixRoute[] = [
  { route: 'GET /health/live', access: 'public', ok: 200 },
  { route: 'GET /health/ready', access: 'public', ok: 200 },
  { route: 'GET /auth/password-policy', access: 'public', ok: 200 },
  { route: 'POST /auth/register', access: 'public', ok: 201, request: (world) => ({ body: auth(world).registerBody() }) },
  { route: 'POST /auth/login', access: 'public', ok: 200, request: (world) => ({ body: { email: world.params.email, password: GOOD_PASSWORD } }) },
  { route: 'POST /auth/refresh', access: 'public', ok: 200, request: async (world) => ({ body: { refreshToken: await auth(world).refreshToken() } }) },
  { route: 'POST /auth/logout', access: 'public', ok: 204, request: async (world) => ({ body: { refreshToken: await auth(world).refreshToken() } }) },
  { route: 'GET /auth/me', access: 'user', ok: 200 },
  { route: 'PATCH /auth/me', access: 'user', ok: 200, request: { body: { fullName: 'Ada Renamed' } } },
  { route: 'POST /auth/users/:id/deactivate', access: 'admin', ok: 200, probe: { params: { id: 'not-a-user-id' } } },
];

async function authWorld(t: Parameters<typeof createAuthTestApp>[0]): Promise<AuthWorld> {
  const app = await createAuthTestApp(t);
  const secret = `Secret ${randomUUID()}`;
  const signIn = async (role: Role): Promise<MatrixCaller> => {
    if (role === 'admin') {
      const admin = await app.signInAdmin();
      return { userId: admin.id, role, token: admin.accessToken };
    }
    const user = await app.signUp();
    return { userId: user.user.id, role, token: user.accessToken };
  };
  const admin = await signIn('admin');
  const owner = await app.signUp({ fullName: secret });
  const target = await app.signUp();
  return {
    app: app.app,
    http: app.http,
    clock: app.clock,
    signingKey: app.signingKey,
    params: { id: target.user.id, email: owner.email },
    owner: { userId: owner.user.id, role: 'user', token: owner.accessToken },
    other: await signIn('user'),
    admin,
    signIn,
    snapshot: () => snapshotDatabase(app.orm),
    async deactivate(caller) {
      const response = await app.http.post(`/auth/users/${caller.userId}/deactivate`).set('authorization', `Bearer ${admin.token}`);
      if (response.status !== 200) throw new Error(`deactivate failed: ${response.status}`);
    },
    secret,
    async refreshToken() {
      const response = await app.http.post('/auth/login').send({ email: owner.email, password: GOOD_PASSWORD });
      return response.body.refreshToken as string;
    },
    registerBody: () => app.registerBody({ email: uniqueEmail('matrix') }),
  };
}

registerAuthorizationMatrix(test, { service: 'the auth service', matrix: MATRIX, world: authWorld });
