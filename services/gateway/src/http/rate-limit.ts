import type { Context, Next } from 'koa';
import { tooManyRequests } from '@ledgerline/http-kit';

export interface RateLimitOptions {
  max: number;
  windowMs: number;
  now: () => Date;
  /** Who is counted: the client address by default. */
  key?: (ctx: Context) => string;
}

/**
 * Fixed-window rate limit per key, in memory (one instance per route per app, built in createApp).
 * Over the limit → 429 problem with Retry-After. Memory is bounded by pruning expired windows.
 */
export function rateLimit(options: RateLimitOptions) {
  const windows = new Map<string, { start: number; count: number }>();
  const keyOf = options.key ?? ((ctx: Context) => ctx.ip || 'unknown');
  return async function limit(ctx: Context, next: Next): Promise<void> {
    const now = options.now().getTime();
    if (windows.size > 10_000) {
      for (const [key, window] of windows) if (now - window.start >= options.windowMs) windows.delete(key);
    }
    const key = keyOf(ctx);
    let window = windows.get(key);
    if (!window || now - window.start >= options.windowMs) {
      window = { start: now, count: 0 };
      windows.set(key, window);
    }
    window.count += 1;
    if (window.count > options.max) {
      throw tooManyRequests('Too many attempts from this address. Wait and try again.', (window.start + options.windowMs - now) / 1000);
    }
    await next();
  };
}
