import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = resolve(fileURLToPath(new URL('../../..', import.meta.url)));

export interface ServiceInfo {
  name: string;
  dir: string;
}

/** Every project under services/ whose package.json has a `serve` script, in start order. */
export function discoverServices(root = REPO_ROOT): ServiceInfo[] {
  const order = ['auth', 'portfolio', 'transaction', 'gateway', 'web'];
  const dir = join(root, 'services');
  return readdirSync(dir)
    .filter((name) => existsSync(join(dir, name, 'package.json')))
    .filter((name) => Boolean(JSON.parse(readFileSync(join(dir, name, 'package.json'), 'utf8')).scripts?.serve))
    .sort((a, b) => (order.indexOf(a) + 1 || 99) - (order.indexOf(b) + 1 || 99) || a.localeCompare(b))
    .map((name) => ({ name, dir: join(dir, name) }));
}
