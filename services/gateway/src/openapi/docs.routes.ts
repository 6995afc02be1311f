import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import Router from '@koa/router';

/** The self-hosted renderer: Scalar's standalone browser bundle, from the installed package (no CDN). */
const SCALAR_BUNDLE = join(dirname(createRequire(import.meta.url).resolve('@scalar/api-reference')), 'browser/standalone.js');

const PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Ledgerline API reference</title>
</head>
<body>
<div id="api-reference"></div>
<script src="/api/docs/scalar.js"></script>
<script src="/api/docs/init.js"></script>
</body>
</html>
`;

/**
 * The bundle with its web fonts taken out. Scalar mounts more than one app on the page (the reference and its client
 * modal); the reference honours \`withDefaultFonts: false\`, the other does not and declares @font-face rules on
 * fonts.scalar.com, which the CSP refuses (and which do not exist offline). Without them the theme's font stacks
 * fall back to the system's fonts.
 */
const REMOTE_FONT_FACE = /@font-face\s*\{[^}]*https:\/\/fonts\.scalar\.com\/[^}]*\}/g;
const readScalarBundle = () => readFileSync(SCALAR_BUNDLE, 'utf8').replace(REMOTE_FONT_FACE, '');

// Offline and private: no fonts, proxy, telemetry or AI agent from scalar.com; the document from this gateway.
const INIT = `Scalar.createApiReference('#api-reference', {
  url: '/api/v1/openapi.json',
  withDefaultFonts: false,
  hideClientButton: true,
});
`;

/**
 * The page's own Content-Security-Policy, tighter than none and looser than the gateway's: Scalar (a Vue app)
 * sets element styles at run time, so styles may be inline; scripts, data and everything else stay same-origin.
 */
export const DOCS_CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; worker-src 'self' blob:; object-src 'none'; frame-ancestors 'none'; base-uri 'self'; form-action 'none'";

/** GET /api/docs: a readable reference of the API, rendered in the browser from /api/v1/openapi.json. */
export function docsRoutes() {
  const router = new Router({ prefix: '/api/docs' });
  let bundle: string | undefined; // read on the first request, then kept

  router.use(async (ctx, next) => {
    await next();
    ctx.set('content-security-policy', DOCS_CSP);
  });
  router.get('/', (ctx) => {
    ctx.type = 'text/html; charset=utf-8';
    ctx.body = PAGE;
  });
  router.get('/init.js', (ctx) => {
    ctx.type = 'text/javascript; charset=utf-8';
    ctx.body = INIT;
  });
  router.get('/scalar.js', (ctx) => {
    ctx.type = 'text/javascript; charset=utf-8';
    ctx.set('cache-control', 'public, max-age=3600');
    ctx.body = (bundle ??= readScalarBundle());
  });
  return router;
}
