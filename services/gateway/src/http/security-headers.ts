import type { Context, Next } from 'koa';

/** Conservative security headers on every response; no CORS headers at all (same-origin only by default). */
export async function securityHeaders(ctx: Context, next: Next): Promise<void> {
  ctx.set({
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'referrer-policy': 'no-referrer',
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-resource-policy': 'same-origin',
    'content-security-policy': "default-src 'self'; img-src 'self' data:; style-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'self'",
    'permissions-policy': 'camera=(), microphone=(), geolocation=()',
  });
  await next();
  ctx.remove('x-powered-by');
}
