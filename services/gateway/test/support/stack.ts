/**
 * The real system behind the gateway, in this process, for the gateway's provider verification:
 * auth, portfolio and transaction through their own createApp, each on port 0 with its own fresh
 * file-SQLite database in a temp dir, wired with the real typed clients (and the real JWKS), and the real
 * gateway in front. `reset()` empties every database (instruments re-seeded) and rebuilds every app.
 *
 * The services are loaded by path at run time, not imported: auth, portfolio and transaction already
 * depend on the gateway in the Nx graph (their verifications need the gateway's pacts), so a static import
 * here would make a cycle. The gateway's `contract` target lists their sources as inputs instead.
 */
import { createServer, type Server } from 'node:http';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type Koa from 'koa';
import { generateSigningKey, localKeys, remoteKeys, toJwks } from '@ledgerline/auth-tokens';
import { AuthClient } from '@ledgerline/auth-client';
import { HttpPortfolioClient, PortfolioApiClient } from '@ledgerline/portfolio-client';
import { TransactionClient } from '@ledgerline/transaction-client';
import type { AnyEntitySchema, Orm } from '@ledgerline/db-kit';
import { clearDatabase, closedPortUrl, createTestFileOrm, createTestLogger } from '@ledgerline/test-kit';
import { createApp as createGateway } from '../../src/app.ts';
import { checkAgainstOpenApi } from '../../src/testing.ts';

const SERVICES = resolve(fileURLToPath(new URL('../../..', import.meta.url)));
const load = (service: string) => import(pathToFileURL(join(SERVICES, service, 'src/index.ts')).href);

interface Slot {
  server: Server;
  url: string;
  app?: Koa;
}

async function slot(): Promise<Slot> {
  const holder: Partial<Slot> = {};
  const server = createServer((req, res) => holder.app!.callback()(req, res));
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as { port: number };
  return Object.assign(holder, { server, url: `http://127.0.0.1:${port}` }) as Slot;
}

export interface Stack {
  gatewayUrl: string;
  urls: { auth: string; portfolio: string; transaction: string };
  admin: { email: string; password: string };
  reset(): Promise<void>;
  /** From now until the next reset, the transaction service finds the portfolio service down (connection refused). */
  portfolioDown(): Promise<void>;
  /** From now until the next reset, the gateway finds this service down (connection refused): its 503. */
  gatewayCannotReach(service: Upstream): Promise<void>;
  close(): Promise<void>;
}

type Upstream = 'auth' | 'portfolio' | 'transaction';

export async function startStack(dbPath: (name: string) => Promise<string>): Promise<Stack> {
  const [auth, portfolio, transaction] = await Promise.all([load('auth'), load('portfolio'), load('transaction')]);
  const orms: Record<string, Orm> = {
    auth: await createTestFileOrm(auth.authEntities as AnyEntitySchema[], await dbPath('auth')),
    portfolio: await createTestFileOrm(portfolio.portfolioEntities as AnyEntitySchema[], await dbPath('portfolio')),
    transaction: await createTestFileOrm(transaction.transactionEntities as AnyEntitySchema[], await dbPath('transaction')),
  };
  const slots = { auth: await slot(), portfolio: await slot(), transaction: await slot(), gateway: await slot() };
  const signingKey = await generateSigningKey();
  const transactionKey = await generateSigningKey();
  const unreachable = await closedPortUrl();
  const admin = { email: 'admin@ledgerline.test', password: 'Keeper-Of-The-Ledger-1' };
  const fastHashing = { scryptCost: { N: 1024, r: 8, p: 1 } };

  const build = async (portfolioUrl = slots.portfolio.url, down?: Upstream) => {
    const upstream = (service: Upstream) => (service === down ? unreachable : slots[service].url);
    const logger = createTestLogger();
    const keys = remoteKeys(`${slots.auth.url}/.well-known/jwks.json`);
    await portfolio.seedInstruments(orms.portfolio.em.fork(), new Date());
    await auth.bootstrapAdmin(orms.auth, auth.createPasswordHasher(fastHashing.scryptCost), new Date(), { ...admin, fullName: 'Admin' });
    slots.auth.app = auth.createApp({ orm: orms.auth, logger, signingKeys: [signingKey], settings: fastHashing });
    slots.portfolio.app = portfolio.createApp({ orm: orms.portfolio, logger, keys, internalKeys: localKeys(toJwks([transactionKey])) });
    slots.transaction.app = transaction.createApp({ orm: orms.transaction, logger, keys, signingKey: transactionKey, portfolio: new HttpPortfolioClient({ baseUrl: portfolioUrl }) });
    slots.gateway.app = createGateway({
      logger,
      keys,
      clients: {
        auth: new AuthClient({ baseUrl: upstream('auth') }),
        portfolio: new PortfolioApiClient({ baseUrl: upstream('portfolio') }),
        transaction: new TransactionClient({ baseUrl: upstream('transaction') }),
      },
      settings: { loginRateLimit: { max: 1_000_000, windowMs: 60_000 }, registerRateLimit: { max: 1_000_000, windowMs: 60_000 } },
    });
    // Every response the verification sees is checked against the OpenAPI document (a violation is a 500).
    slots.gateway.app.middleware.unshift(checkAgainstOpenApi);
  };
  await build();

  return {
    gatewayUrl: slots.gateway.url,
    urls: { auth: slots.auth.url, portfolio: slots.portfolio.url, transaction: slots.transaction.url },
    admin,
    async reset() {
      for (const orm of Object.values(orms)) await clearDatabase(orm);
      await build();
    },
    portfolioDown: () => build(unreachable),
    gatewayCannotReach: (service) => build(undefined, service),
    async close() {
      for (const { server } of Object.values(slots)) {
        server.closeAllConnections();
        await new Promise((done) => server.close(done));
      }
      for (const orm of Object.values(orms)) await orm.close(true);
    },
  };
}
