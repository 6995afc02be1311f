import type { Server } from 'node:http';
import type Koa from 'koa';
import type { Logger } from './logger.ts';

/** The port a service was told to bind is held by another process; the message names the variable that moves it. */
export class PortInUseError extends Error {
  readonly port: number;
  readonly variable: string;
  constructor(port: number, host: string, variable: string) {
    super(`port ${port} on ${host} is already in use: stop whatever holds it, or set ${variable} to another port`);
    this.name = 'PortInUseError';
    this.port = port;
    this.variable = variable;
  }
}

/**
 * Listens and resolves once the port is bound (port 0 picks a free one). A taken port rejects with a
 * PortInUseError naming `portVariable`, the environment variable that sets this service's port.
 */
export function listen(app: Koa, port: number, host = '127.0.0.1', portVariable = 'PORT'): Promise<Server> {
  return new Promise((resolvePromise, reject) => {
    const server = app.listen(port, host);
    server.once('listening', () => resolvePromise(server));
    server.once('error', (error: NodeJS.ErrnoException) => reject(error.code === 'EADDRINUSE' ? new PortInUseError(port, host, portVariable) : error));
  });
}

/**
 * For main.ts: listen, and when the port is taken log that in one line (no stack trace), run the closers
 * (ORM...) and exit with code 1, so `npm start` stops every other service cleanly.
 */
export async function listenOrExit(
  app: Koa,
  logger: Logger,
  address: { port: number; host: string; portVariable: string },
  closers: Array<() => Promise<unknown>> = [],
): Promise<Server> {
  try {
    return await listen(app, address.port, address.host, address.portVariable);
  } catch (error) {
    if (!(error instanceof PortInUseError)) throw error;
    logger.fatal(error.message);
    for (const close of closers) await close();
    process.exit(1);
  }
}

export function serverUrl(server: Server): string {
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('server is not listening on TCP');
  return `http://127.0.0.1:${address.port}`;
}

/**
 * Logs the one start-up line `{"msg":"listening","url":…,"port":…}` with the port actually bound (PORT=0
 * picks a free one), at info level even when LOG_LEVEL is quieter: whoever started the process (npm start,
 * the e2e and perf runs) reads its address from this line.
 */
export function announceListening(logger: Logger, server: Server, details: Record<string, unknown> = {}): string {
  const url = serverUrl(server);
  const port = Number(new URL(url).port);
  const announcer = logger.level === 'silent' ? logger : logger.child({}, { level: 'info' });
  announcer.info({ ...details, url, port }, 'listening');
  return url;
}

/**
 * On SIGTERM/SIGINT: stop accepting, let in-flight requests finish (bounded), run the closers (ORM...),
 * exit. A second signal exits at once.
 */
export function installGracefulShutdown(server: Server, logger: Logger, closers: Array<() => Promise<unknown>>, graceMs = 10_000): void {
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) process.exit(1);
    stopping = true;
    logger.info({ signal }, 'shutting down');
    const timer = setTimeout(() => {
      logger.warn('grace period over, exiting');
      process.exit(1);
    }, graceMs);
    timer.unref();
    server.closeIdleConnections?.();
    await new Promise<void>((done) => server.close(() => done()));
    for (const close of closers) await close();
    logger.info('stopped');
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop('SIGTERM'));
  process.once('SIGINT', () => void stop('SIGINT'));
}
