import type Koa from 'koa';

interface RouterLike {
  stack: Array<{ methods: string[]; path: string | RegExp }>;
}

/**
 * Every route an app answers, read from the @koa/router instances mounted on it (each `router.routes()`
 * middleware carries its router): `METHOD /path/:param`, sorted. HEAD (implied by GET) and router-level
 * `use` layers are left out. A route added to any router appears here without anyone listing it.
 */
export function routeInventory(app: Koa): string[] {
  const routes = new Set<string>();
  for (const middleware of app.middleware) {
    const router = (middleware as { router?: RouterLike }).router;
    if (!router) continue;
    for (const layer of router.stack) {
      for (const method of layer.methods) if (method !== 'HEAD') routes.add(`${method} ${String(layer.path)}`);
    }
  }
  return [...routes].sort();
}

/** Routes the app has but the matrix does not name, and entries that name no route (stale). */
export function matrixGaps(app: Koa, entries: Array<{ route: string }>): { missing: string[]; stale: string[] } {
  const inventory = routeInventory(app);
  const named = new Set(entries.map((entry) => entry.route));
  return { missing: inventory.filter((route) => !named.has(route)), stale: [...named].filter((route) => !inventory.includes(route)).sort() };
}
