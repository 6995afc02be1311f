import Koa from 'koa';
import { errorMiddleware } from './error-middleware.ts';
import { requestId } from './request-id.ts';
import { jsonBody } from './body.ts';
import type { Logger } from './logger.ts';

export interface BaseAppOptions {
  logger: Logger;
  bodyLimit?: string;
}

/**
 * The middleware every service starts with, in order: request id + log line, problem+json errors,
 * JSON body with a size limit. The service's createApp adds its EntityManager middleware and routes.
 */
export function createBaseApp(options: BaseAppOptions): Koa {
  const app = new Koa();
  app.proxy = false;
  app.silent = true; // errors are logged by the error middleware, never printed by Koa
  app.use(requestId(options.logger));
  app.use(errorMiddleware());
  app.use(jsonBody({ limit: options.bodyLimit }));
  return app;
}
