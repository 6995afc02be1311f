/**
 * The transaction service's authorization matrix: every route of createApp, every caller kind (see
 * checkRoute in the test kit). A route added without a line here fails the coverage test, naming it.
 */
import test from 'ava';
import { randomUUID } from 'node:crypto';
import type { Role } from '@ledgerline/auth-tokens';
import { registerAuthorizationMatrix, snapshotDatabase, type MatrixRoute, type MatrixWorld } from '@ledgerline/test-kit';
import { createTransactionTestApp } from '../testing.ts';

const MATRIX: MatrixRoute[] = [
  { route: 'GET /health/live', access: 'public', ok: 200 },
  { route: 'GET /health/ready', access: 'public', ok: 200 },
  { route: 'POST /transactions', access: 'user', ok: 201, request: (world) => ({ body: { portfolioId: world.params.portfolioId, type: 'deposit', amount: '1.00' } }) },
  { route: 'GET /transactions', access: 'user', ok: 200 },
  { route: 'GET /transactions/:id', access: 'owner', ok: 200 },
];

/** The real app with the fake portfolio service; the owner has a portfolio and one recorded deposit. */
async function transactionWorld(t: Parameters<typeof createTransactionTestApp>[0]): Promise<MatrixWorld> {
  const app = await createTransactionTestApp(t);
  const signIn = async (role: Role) => {
    const userId = randomUUID();
    return { userId, role, token: await app.issuer.token({ userId, role, now: app.clock.now() }) };
  };
  const owner = await signIn('user');
  const portfolioId = app.portfolio.addPortfolio(owner.userId, '100.00');
  const recorded = await app.record({ userId: owner.userId, accessToken: owner.token, auth: `Bearer ${owner.token}` }, { portfolioId, type: 'deposit', amount: '25.00' });
  if (recorded.status !== 201) throw new Error(`fixture: ${recorded.status} ${JSON.stringify(recorded.body)}`);
  return {
    app: app.app,
    http: app.http,
    clock: app.clock,
    signingKey: app.issuer.key,
    params: { id: recorded.body.id as string, portfolioId },
    owner,
    other: await signIn('user'),
    admin: await signIn('admin'),
    signIn,
    snapshot: async () => ({ database: await snapshotDatabase(app.orm), applied: app.portfolio.appliedCount, calls: app.portfolio.calls.length }),
    secret: recorded.body.id as string,
  };
}

registerAuthorizationMatrix(test, { service: 'the transaction service', matrix: MATRIX, world: transactionWorld });
