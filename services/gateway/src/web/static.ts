import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Context, Next } from 'koa';
import serve from 'koa-static';
import send from 'koa-send';

/**
 * Serves the built web UI: real files (hashed assets cached for a year), and index.html for any other
 * GET that is not an API or health path, so client-side routes survive a reload.
 */
export function webUi(root: string) {
  const files = serve(root, { index: 'index.html', maxage: 0, setHeaders: (res, path) => {
    if (path.includes(`${join('assets', '')}`)) res.setHeader('cache-control', 'public, max-age=31536000, immutable');
  } });
  const hasIndex = existsSync(join(root, 'index.html'));
  return async function web(ctx: Context, next: Next): Promise<void> {
    if (ctx.path.startsWith('/api/') || ctx.path.startsWith('/health/')) return next();
    await files(ctx, async () => undefined);
    if (ctx.body !== undefined || ctx.status !== 404) return;
    if ((ctx.method === 'GET' || ctx.method === 'HEAD') && hasIndex && !/\.[a-z0-9]+$/i.test(ctx.path)) {
      ctx.set('cache-control', 'no-cache');
      await send(ctx, 'index.html', { root });
      return;
    }
    await next();
  };
}
