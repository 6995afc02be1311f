import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { dialectOf } from '@ledgerline/db-kit';
import { exportPrivateJwk, generateSigningKey, toJwks } from '@ledgerline/auth-tokens';
import { createTempDir, createTestDatabases, testEngine, type TempDir, type TestDatabases } from '@ledgerline/test-kit';
import { serviceBundles, serviceEntries, sourceEntries, type ServiceEntries } from './service-bundles.ts';

const REPO_ROOT = resolve(fileURLToPath(new URL('../../..', import.meta.url)));
const SERVICES = ['auth', 'portfolio', 'transaction', 'gateway'] as const;
/** Runs a service's main.ts once the addresses it needs arrive; lets all four load their modules at once. */
const LAUNCHER = join(REPO_ROOT, 'libs/system-kit/src/launch-service.ts');
export type ServiceName = (typeof SERVICES)[number];
/** The services that own a database. */
export const DATABASE_SERVICES = ['auth', 'portfolio', 'transaction'] as const;
export type DatabaseService = (typeof DATABASE_SERVICES)[number];

export interface SystemOptions {
  /** Folder holding <service>.sqlite files; a fresh temp dir (removed on stop) when omitted. */
  dataDir?: string;
  /**
   * Each service's database (a file path or a PostgreSQL URL), e.g. seeded ones; given to the service as
   * `<SERVICE>_DB_PATH` or `<SERVICE>_DATABASE_URL`. When omitted: `<service>.sqlite` in `dataDir`, or with
   * `LEDGERLINE_DB=postgres` (and no `dataDir`) a fresh database each in a throwaway cluster, removed on stop.
   */
  databases?: Record<DatabaseService, string>;
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
  /**
   * 'bundle' (the default): each service's code bundled from the current sources (service-bundles.ts), which starts
   * in about half the CPU; 'source': its main.ts as `npm start` runs it, e.g. for CPU profiles that name the source
   * files. LEDGERLINE_SERVICES=source makes 'source' the default (stack traces with source paths).
   */
  code?: 'bundle' | 'source';
}

/** One running service process, for tests of partial failure (pause it, kill it, start it again). */
export interface ServiceProcess {
  readonly pid: number | undefined;
  /** SIGSTOP: the process is frozen; connections are accepted by the kernel but nothing answers. */
  pause(): void;
  /** SIGCONT after pause(). */
  resume(): void;
  /** SIGKILL, at once (no graceful shutdown); resolves when the process is gone. */
  kill(): Promise<void>;
  /** Starts it again with the same environment, database and port; resolves when it reports ready. */
  restart(): Promise<void>;
}

export interface RunningSystem {
  gatewayUrl: string;
  urls: Record<ServiceName, string>;
  dataDir: string;
  admin: { email: string; password: string };
  services: Record<ServiceName, ServiceProcess>;
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
 * Starts auth, portfolio, transaction and gateway as child processes (their main.ts, bundled: see `code`) on free ports,
 * with file-SQLite databases in a temp dir, and waits until every one reports ready. `stop()` ends them
 * (SIGTERM, graceful) and removes the temp dir. The processes carry LEDGERLINE_TEST_RUN=1, so the
 * database kit refuses ./data/ for them.
 */
export async function startSystem(options: SystemOptions = {}): Promise<RunningSystem> {
  // First, before anything needs removing: a bundle that does not build fails the start with the bundler's error.
  const code = options.code ?? (process.env.LEDGERLINE_SERVICES === 'source' ? 'source' : 'bundle');
  const bundles = code === 'bundle' ? await serviceBundles() : undefined;
  const temp: TempDir | undefined = options.dataDir ? undefined : createTempDir('ledgerline-system-');
  const dataDir = options.dataDir ?? temp!.dir;
  const cluster: TestDatabases | undefined = !options.databases && !options.dataDir && testEngine() === 'postgres' ? createTestDatabases() : undefined;
  const databases = options.databases ?? (await databasesIn(dataDir, cluster));
  const admin = options.admin ?? { email: 'admin@ledgerline.test', password: 'Keeper-Of-The-Ledger-1' };
  const urls = {} as Record<ServiceName, string>;
  const base: Record<string, string> = {
    ...(process.env as Record<string, string>),
    LEDGERLINE_TEST_RUN: '1',
    LOG_LEVEL: 'warn',
    LOG_FORMAT: 'json', // the kit reads the services' JSON lines, whatever the developer's shell says
    HOST: '127.0.0.1',
    // Every service binds port 0 and announces the port it got: no window in which another process can take it.
    AUTH_PORT: '0',
    PORTFOLIO_PORT: '0',
    TRANSACTION_PORT: '0',
    GATEWAY_PORT: '0',
    ...databaseEnv(databases),
    AUTH_ADMIN_EMAIL: admin.email,
    AUTH_ADMIN_PASSWORD: admin.password,
    // Every request of a test run comes from 127.0.0.1: per-address limits would throttle the run itself.
    GATEWAY_LOGIN_PER_MINUTE: '1000000',
    GATEWAY_REGISTER_PER_MINUTE: '1000000',
    ...(options.webRoot ? { WEB_ROOT: options.webRoot } : {}),
    ...options.env,
  };
  delete base.PORT;
  // A database from the caller's environment never reaches a started service: only the ones chosen above.
  const chosen = databaseEnv(databases);
  for (const name of DATABASE_SERVICES) {
    for (const key of [`${name.toUpperCase()}_DATABASE_URL`, `${name.toUpperCase()}_DB_PATH`]) if (!(key in chosen) && !options.env?.[key]) delete base[key];
  }
  if (options.testRun === false) delete base.LEDGERLINE_TEST_RUN;
  // The transaction service calls the portfolio's internal API with tokens signed by its own key. It starts after
  // the portfolio service (which it calls), so its JWKS URL is not known yet: the key is made here and handed to
  // both, the private half to the transaction service (kept across restarts), the public half to the portfolio.
  if (!base.TRANSACTION_SIGNING_JWK) {
    const key = await generateSigningKey();
    base.TRANSACTION_SIGNING_JWK = JSON.stringify(await exportPrivateJwk(key));
    base.TRANSACTION_JWKS = JSON.stringify(toJwks([key]));
  }
  const entries = (name: ServiceName): ServiceEntries => (bundles ? serviceEntries(bundles, name) : sourceEntries(name));
  const running = new Map<ServiceName, { child: ChildProcess; output: string[]; env: Record<string, string> }>();
  const timeout = options.readyTimeoutMs ?? 30_000;
  const exited = (child: ChildProcess) => child.exitCode !== null || child.signalCode !== null;
  // Every service's process starts at once and loads its modules (launch-service.ts); each then gets the addresses
  // of the services before it, in dependency order, once those are listening.
  const spawnService = (name: ServiceName, env: Record<string, string>) => {
    const { main, preload } = entries(name);
    const child = spawn(process.execPath, [LAUNCHER, main, ...preload], { cwd: join(REPO_ROOT, 'services', name), env, stdio: ['pipe', 'pipe', 'pipe'] });
    child.stdin!.on('error', () => {}); // a process that died early is reported by announcedUrl, with its output
    const output: string[] = [];
    running.set(name, { child, output, env });
    const announced = announcedUrl(name, child, output, timeout);
    announced.catch(() => {}); // awaited in launch(); a process stopped before its turn is not an error
    return { child, output, announced };
  };
  const launch = async (name: ServiceName, spawned: ReturnType<typeof spawnService>, late: Record<string, string> = {}) => {
    const entry = running.get(name)!;
    entry.env = { ...entry.env, ...late };
    // Written, not ended: the pipe stays open while this process lives (launch-service.ts stops the service when it ends).
    spawned.child.stdin!.write(`${JSON.stringify(late)}\n`);
    const url = await spawned.announced;
    await waitReady(name, url, spawned.child, timeout, () => spawned.output.join(''));
    return url;
  };
  const stop = async () => {
    await Promise.all([...running.values()].map(async ({ child }) => {
      if (exited(child)) return;
      child.kill('SIGCONT'); // a paused process cannot shut down
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await once(child, 'exit');
      clearTimeout(timer);
    }));
    await cluster?.remove();
    temp?.remove();
  };
  try {
    const spawned = Object.fromEntries(SERVICES.map((name) => [name, spawnService(name, base)])) as Record<ServiceName, ReturnType<typeof spawnService>>;
    // In dependency order: each service learns the addresses of the ones started before it.
    for (const name of SERVICES) {
      urls[name] = await launch(name, spawned[name], {
        ...(urls.auth ? { AUTH_URL: urls.auth, AUTH_JWKS_URL: `${urls.auth}/.well-known/jwks.json` } : {}),
        ...(urls.portfolio ? { PORTFOLIO_URL: urls.portfolio } : {}),
        ...(urls.transaction ? { TRANSACTION_URL: urls.transaction } : {}),
      });
    }
  } catch (error) {
    await stop();
    throw error;
  }
  const control = (name: ServiceName): ServiceProcess => {
    const current = () => running.get(name)!.child;
    return {
      get pid() {
        return current().pid;
      },
      pause: () => void current().kill('SIGSTOP'),
      resume: () => void current().kill('SIGCONT'),
      async kill() {
        const child = current();
        if (exited(child)) return;
        const gone = once(child, 'exit');
        child.kill('SIGKILL');
        await gone;
      },
      async restart() {
        const { child, env } = running.get(name)!;
        if (!exited(child)) throw new Error(`${name} is still running: kill() it first`);
        // The same port, so every other service (and the test) still finds it at the same URL.
        await launch(name, spawnService(name, { ...env, [`${name.toUpperCase()}_PORT`]: new URL(urls[name]).port }));
      },
    };
  };
  const services = Object.fromEntries(SERVICES.map((name) => [name, control(name)])) as Record<ServiceName, ServiceProcess>;
  return { gatewayUrl: urls.gateway, urls, dataDir, admin, services, stop };
}

async function databasesIn(dataDir: string, cluster?: TestDatabases): Promise<Record<DatabaseService, string>> {
  const locations = await Promise.all(DATABASE_SERVICES.map((name) => (cluster ? cluster.location(name) : join(dataDir, `${name}.sqlite`))));
  return Object.fromEntries(DATABASE_SERVICES.map((name, i) => [name, locations[i]])) as Record<DatabaseService, string>;
}

/** `<SERVICE>_DATABASE_URL` for a PostgreSQL URL, `<SERVICE>_DB_PATH` for a file: what each service's config reads. */
function databaseEnv(databases: Record<DatabaseService, string>): Record<string, string> {
  return Object.fromEntries(DATABASE_SERVICES.map((name) => {
    const location = databases[name];
    return [`${name.toUpperCase()}_${dialectOf(location) === 'postgresql' ? 'DATABASE_URL' : 'DB_PATH'}`, location];
  }));
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
