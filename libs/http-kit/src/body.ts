import { bodyParser } from '@koa/bodyparser';
import type { Context, Next } from 'koa';
import { AppError } from './errors.ts';

const METHODS_WITH_BODY = new Set(['POST', 'PUT', 'PATCH']);

/**
 * JSON-only body parsing with a size limit. A body in another media type is a 415 (not silently
 * ignored), a body that is not JSON a 400 `malformed_json`, an oversized one a 413.
 */
export function jsonBody(options: { limit?: string } = {}) {
  const limit = options.limit ?? '64kb';
  const parse = bodyParser({ enableTypes: ['json'], jsonLimit: limit, encoding: 'utf-8' });
  return async function jsonOnly(ctx: Context, next: Next): Promise<void> {
    if (METHODS_WITH_BODY.has(ctx.method) && ctx.request.length && !ctx.is('application/json', 'application/*+json')) {
      throw new AppError(415, 'unsupported_media_type', 'Unsupported media type', { detail: 'Send the request body as application/json.' });
    }
    let parsed = false;
    try {
      await parse(ctx as never, async () => {
        parsed = true;
      });
    } catch (error) {
      const status = (error as { status?: number }).status;
      if (status === 413) throw new AppError(413, 'payload_too_large', 'Payload too large', { detail: `The request body is larger than ${limit}.` });
      if (status === 400) throw new AppError(400, 'malformed_json', 'Bad request', { detail: 'The request body is not valid JSON.' });
      throw error;
    }
    if (parsed) await next();
  };
}
