import type { Context, Next } from 'koa';
import { AppError } from './errors.ts';
import { problemFieldsOf, sendProblem } from './problem.ts';
import type { Logger } from './logger.ts';

const STATUS_TITLES: Record<number, [string, string]> = {
  400: ['bad_request', 'Bad request'],
  401: ['unauthorized', 'Unauthorized'],
  403: ['forbidden', 'Forbidden'],
  404: ['not_found', 'Not found'],
  405: ['method_not_allowed', 'Method not allowed'],
  413: ['payload_too_large', 'Payload too large'],
  415: ['unsupported_media_type', 'Unsupported media type'],
  422: ['validation_failed', 'Validation failed'],
};

interface HttpishError {
  status?: number;
  statusCode?: number;
  expose?: boolean;
  message?: string;
  type?: string;
}

/**
 * The one place errors become HTTP: typed AppErrors map to their status and code; errors thrown by
 * Koa/body parsing (with a 4xx status and `expose`) map to a generic problem; everything else is a bug:
 * logged with its stack, answered 500 with no detail.
 */
export function errorMiddleware() {
  return async function problemErrors(ctx: Context, next: Next): Promise<void> {
    try {
      await next();
      if (ctx.status === 404 && ctx.body === undefined) {
        sendProblem(ctx, { status: 404, code: 'route_not_found', title: 'Not found', detail: `No route for ${ctx.method} ${ctx.path}.` });
      } else if (ctx.status === 405 && (ctx.body === undefined || typeof ctx.body === 'string')) {
        sendProblem(ctx, { status: 405, code: 'method_not_allowed', title: 'Method not allowed', detail: `${ctx.method} is not allowed on ${ctx.path}.` });
      }
    } catch (raw) {
      const log = (ctx.state.log as Logger | undefined) ?? undefined;
      if (raw instanceof AppError) {
        if (raw.headers) ctx.set(raw.headers);
        sendProblem(ctx, problemFieldsOf(raw));
        if (raw.status >= 500) log?.warn({ code: raw.code, status: raw.status }, raw.detail ?? raw.message);
        return;
      }
      const error = raw as HttpishError;
      const status = error?.status ?? error?.statusCode;
      if (typeof status === 'number' && status >= 400 && status < 500 && error.expose !== false) {
        const [code, title] = STATUS_TITLES[status] ?? ['client_error', 'Client error'];
        const detail = status === 400 && error.type === 'entity.parse.failed' ? 'The request body is not valid JSON.' : error.message;
        sendProblem(ctx, { status, code: status === 400 && error.type === 'entity.parse.failed' ? 'malformed_json' : code, title, detail });
        return;
      }
      log?.error({ err: raw }, 'unhandled error');
      sendProblem(ctx, { status: 500, code: 'internal_error', title: 'Internal server error', detail: 'An unexpected error occurred. It has been logged.' });
    }
  };
}
