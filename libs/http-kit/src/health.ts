import Router from '@koa/router';

/** A dependency check for /health/ready; besides `ok` (and a `reason` when not) it may report figures of its own. */
export type ReadinessCheck = () => Promise<{ ok: boolean; reason?: string; [figure: string]: unknown }>;

/** `/health/live` (the process answers) and `/health/ready` (every named dependency answers). */
export function healthRoutes(checks: Record<string, ReadinessCheck>) {
  const router = new Router();
  router.get('/health/live', (ctx) => {
    ctx.body = { status: 'ok' };
  });
  router.get('/health/ready', async (ctx) => {
    const entries = await Promise.all(
      Object.entries(checks).map(async ([name, check]) => {
        try {
          return [name, await check()] as const;
        } catch (error) {
          return [name, { ok: false, reason: error instanceof Error ? error.message : String(error) }] as const;
        }
      }),
    );
    const ok = entries.every(([, result]) => result.ok);
    ctx.status = ok ? 200 : 503;
    ctx.body = { status: ok ? 'ok' : 'unavailable', checks: Object.fromEntries(entries) };
  });
  return router.routes();
}
