import Router from '@koa/router';
import type { GatewayClients } from '../deps.ts';

/**
 * /health/live and /health/ready for the gateway itself, and /health/services: each upstream's
 * readiness side by side (200 when all are ready, 503 naming the ones that are not).
 *
 * The gateway's readiness is its own: once it listens it can answer every request, with a 503 problem naming
 * an upstream that is down. Tying it to its upstreams would take the whole front door (and the web UI it
 * serves) out of a load balancer for one service's blip. Whoever needs the whole system ready (npm start's
 * "Ledgerline is up", a script that registers a user next) waits for /health/services.
 */
export function healthRoutes(clients: GatewayClients) {
  const router = new Router();
  router.get('/health/live', (ctx) => {
    ctx.body = { status: 'ok' };
  });
  router.get('/health/ready', (ctx) => {
    ctx.body = { status: 'ok' };
  });
  router.get('/health/services', async (ctx) => {
    const entries = await Promise.all(
      (Object.entries(clients) as Array<[string, { ready(): Promise<unknown> }]>).map(async ([name, client]) => {
        try {
          await client.ready();
          return [name, { ok: true }] as const;
        } catch (error) {
          return [name, { ok: false, reason: (error as { detail?: string }).detail ?? 'not ready' }] as const;
        }
      }),
    );
    const ok = entries.every(([, result]) => result.ok);
    ctx.status = ok ? 200 : 503;
    ctx.body = { status: ok ? 'ok' : 'degraded', services: Object.fromEntries(entries) };
  });
  return router;
}
