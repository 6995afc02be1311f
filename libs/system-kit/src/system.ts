import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createTempDir, type TempDir } from '@ledgerline/test-kit';

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
  const urls = {} as Record<ServiceName, string>;
  const base: Record<string, string> = {
    ...(process.env as Record<string, string>),
    LEDGERLINE_TEST_RUN: '1',
    LOG_LEVEL: 'warn',
    HOST: '127.0.0.1',
    // Every service binds port 0 and announces the port it got: no window in which another process can take it.
    AUTH_PORT: '0',
    PORTFOLIO_PORT: '0',
    TRANSACTION_PORT: '0',
    GATEWAY_PORT: '0',
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
  delete base.PORT;
  if (options.testRun === false) delete base.LEDGERLINE_TEST_RUN;
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
  const timeout = options.readyTimeoutMs ?? 30_000;
  try {
    // In dependency order: each service learns the addresses of the ones started before it.
    for (const name of SERVICES) {
      const env = {
        ...base,
        ...(urls.auth ? { AUTH_URL: urls.auth, AUTH_JWKS_URL: `${urls.auth}/.well-known/jwks.json` } : {}),
        ...(urls.portfolio ? { PORTFOLIO_URL: urls.portfolio } : {}),
        ...(urls.transaction ? { TRANSACTION_URL: urls.transaction } : {}),
      };
      const child = spawn(process.execPath, [join(REPO_ROOT, 'services', name, 'src/main.ts')], { cwd: join(REPO_ROOT, 'services', name), env, stdio: ['ignore', 'pipe', 'pipe'] });
      const output: string[] = [];
      children.push({ name, child, output });
      urls[name] = await announcedUrl(name, child, output, timeout);
      await waitReady(name, urls[name], child, timeout, () => output.join(''));
    }
  } catch (error) {
    await stop();
    throw error;
  }
  return { gatewayUrl: urls.gateway, urls, dataDir, admin, stop };
}

/** Resolves with the URL from the child's `{"msg":"listening","url":…}` line; keeps the last output for errors. */
function announcedUrl(name: string, child: ChildProcess, output: string[], timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    let pending = '';
    const timer = setTimeout(() => reject(new Error(`${name} did not announce its address within ${timeoutMs} ms:\n${output.join('')}`)), timeoutMs);
    const keep = (chunk: Buffer) => {
      output.push(chunk.toString());
      if (output.length > 200) output.shift();
    };
    child.stderr!.on('data', keep);
    child.stdout!.on('data', (chunk: Buffer) => {
      keep(chunk);
      pending += chunk.toString();
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        if (!line.includes('"listening"')) continue;
        try {
          const entry = JSON.parse(line) as { msg?: string; url?: string };
          if (entry.msg === 'listening' && entry.url) {
            clearTimeout(timer);
            resolve(entry.url);
          }
        } catch {
          // not a JSON log line
        }
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited with code ${code} before it was listening:\n${output.join('')}`));
    });
  });
}
