import type { Server } from 'node:http';
import type Koa from 'koa';
import type { Logger } from './logger.ts';

/** Listens and resolves once the port is bound (port 0 picks a free one). */
export function listen(app: Koa, port: number, host = '127.0.0.1'): Promise<Server> {
  return new Promise((resolvePromise, reject) => {
    const server = app.listen(port, host);
    server.once('listening', () => resolvePromise(server));
    server.once('error', reject);
  });
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
