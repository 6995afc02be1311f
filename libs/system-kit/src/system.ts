import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createTempDir, type TempDir } from '@ledgerline/test-kit';
import { freePort } from './free-port.ts';

const REPO_ROOT = resolve(fileURLToPath(new URL('../../..', import.meta.url)));
const SERVICES = ['auth', 'portfolio', 'transaction', 'gateway'] as const;
export type ServiceName = (typeof SERVICES)[number];

export interface SystemOptions {
  /** Folder holding <service>.sqlite files; a fresh temp dir (removed on stop) when omitted. */
  dataDir?: string;
  /** The admin account auth creates on start. */
  admin?: { email: string; password: string };
  /** Extra environment for every service (e.g. LOG_LEVEL). */
  env?: Record<string, string>;
  /** Where the gateway finds the built web UI (services/web/dist by default). */
  webRoot?: string;
  readyTimeoutMs?: number;
  /**
   * false: run the services as a developer's `npm start` would (no LEDGERLINE_TEST_RUN marker), e.g. to
   * create known content in ./data/ before proving the test suite leaves it alone. Default true.
   */
  testRun?: boolean;
}

export interface RunningSystem {
  gatewayUrl: string;
  urls: Record<ServiceName, string>;
  dataDir: string;
  admin: { email: string; password: string };
  stop(): Promise<void>;
}

async function waitReady(name: string, url: string, child: ChildProcess, timeoutMs: number, output: () => string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${name} exited with code ${child.exitCode} before it was ready:\n${output()}`);
    try {
      const response = await fetch(`${url}/health/ready`, { signal: AbortSignal.timeout(1000) });
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${name} was not ready at ${url} within ${timeoutMs} ms:\n${output()}`);
}

/**
 * Starts auth, portfolio, transaction and gateway as child processes (their real main.ts) on free ports,
 * with file-SQLite databases in a temp dir, and waits until every one reports ready. `stop()` ends them
 * (SIGTERM, graceful) and removes the temp dir. The processes carry LEDGERLINE_TEST_RUN=1, so the
 * database kit refuses ./data/ for them.
 */
export async function startSystem(options: SystemOptions = {}): Promise<RunningSystem> {
  const temp: TempDir | undefined = options.dataDir ? undefined : createTempDir('ledgerline-system-');
  const dataDir = options.dataDir ?? temp!.dir;
  const admin = options.admin ?? { email: 'admin@ledgerline.test', password: 'Keeper-Of-The-Ledger-1' };
  const ports = Object.fromEntries(await Promise.all(SERVICES.map(async (s) => [s, await freePort()] as const))) as Record<ServiceName, number>;
  const urls = Object.fromEntries(SERVICES.map((s) => [s, `http://127.0.0.1:${ports[s]}`])) as Record<ServiceName, string>;
  const env: Record<string, string> = {
    ...(process.env as Record<string, string>),
    LEDGERLINE_TEST_RUN: '1',
    LOG_LEVEL: 'warn',
    HOST: '127.0.0.1',
    AUTH_PORT: String(ports.auth),
    PORTFOLIO_PORT: String(ports.portfolio),
    TRANSACTION_PORT: String(ports.transaction),
    GATEWAY_PORT: String(ports.gateway),
    AUTH_URL: urls.auth,
    PORTFOLIO_URL: urls.portfolio,
    TRANSACTION_URL: urls.transaction,
    AUTH_JWKS_URL: `${urls.auth}/.well-known/jwks.json`,
    AUTH_DB_PATH: join(dataDir, 'auth.sqlite'),
    PORTFOLIO_DB_PATH: join(dataDir, 'portfolio.sqlite'),
    TRANSACTION_DB_PATH: join(dataDir, 'transaction.sqlite'),
    AUTH_ADMIN_EMAIL: admin.email,
    AUTH_ADMIN_PASSWORD: admin.password,
    // Every request of a test run comes from 127.0.0.1: per-address limits would throttle the run itself.
    GATEWAY_LOGIN_PER_MINUTE: '1000000',
    GATEWAY_REGISTER_PER_MINUTE: '1000000',
    ...(options.webRoot ? { WEB_ROOT: options.webRoot } : {}),
    ...options.env,
  };
  delete env.PORT;
  if (options.testRun === false) delete env.LEDGERLINE_TEST_RUN;
  const children: Array<{ name: ServiceName; child: ChildProcess; output: string[] }> = [];
  const stop = async () => {
    await Promise.all(children.map(async ({ child }) => {
      if (child.exitCode !== null || child.signalCode) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await once(child, 'exit');
      clearTimeout(timer);
    }));
    temp?.remove();
  };
  try {
    for (const name of SERVICES) {
      const child = spawn(process.execPath, [join(REPO_ROOT, 'services', name, 'src/main.ts')], { cwd: join(REPO_ROOT, 'services', name), env, stdio: ['ignore', 'pipe', 'pipe'] });
      const output: string[] = [];
      const keep = (chunk: Buffer) => {
        output.push(chunk.toString());
        if (output.length > 200) output.shift();
      };
      child.stdout!.on('data', keep);
      child.stderr!.on('data', keep);
      children.push({ name, child, output });
    }
    const timeout = options.readyTimeoutMs ?? 30_000;
    await Promise.all(children.map(({ name, child, output }) => waitReady(name, urls[name], child, timeout, () => output.join(''))));
  } catch (error) {
    await stop();
    throw error;
  }
  return { gatewayUrl: urls.gateway, urls, dataDir, admin, stop };
}
