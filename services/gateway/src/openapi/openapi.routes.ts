import Router from '@koa/router';
import { buildOpenApiDocument, type OpenApiDocument } from './openapi-document.ts';

/** GET /api/v1/openapi.json: the API's OpenAPI 3.1 document (the same as contracts/openapi/openapi.json), public. */
export function openApiRoutes(document: OpenApiDocument = buildOpenApiDocument()) {
  const router = new Router();
  router.get('/api/v1/openapi.json', (ctx) => {
    ctx.set('cache-control', 'no-cache');
    ctx.body = document;
  });
  return router;
}
