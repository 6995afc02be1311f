import { randomUUID } from 'node:crypto';
import type { Context, Next } from 'koa';
import type { Logger } from './logger.ts';

export const REQUEST_ID_HEADER = 'x-request-id';
const SAFE_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * Takes the caller's request id when it is well-formed (the gateway creates one; every hop forwards it),
 * otherwise creates one; echoes it, and gives the request a child logger that carries it. One line per
 * request when it ends; health probes (polled by orchestrators and npm start) only at debug level.
 */
export function requestId(logger: Logger) {
  return async function requestIdAndLog(ctx: Context, next: Next): Promise<void> {
    const incoming = ctx.get(REQUEST_ID_HEADER);
    const id = SAFE_ID.test(incoming) ? incoming : randomUUID();
    ctx.state.requestId = id;
    ctx.set(REQUEST_ID_HEADER, id);
    const log = logger.child({ requestId: id });
    ctx.state.log = log;
    const started = performance.now();
    try {
      await next();
    } finally {
      const level = ctx.path.startsWith('/health/') ? 'debug' : 'info';
      log[level]({ method: ctx.method, path: ctx.path, status: ctx.status, ms: Math.round(performance.now() - started) }, 'request');
    }
  };
}
