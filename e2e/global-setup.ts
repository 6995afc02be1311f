import { fileURLToPath } from 'node:url';
import { existsSync } from 'node:fs';
import { startSystem } from '@ledgerline/system-kit';

/**
 * Starts the whole system once per run (fresh temp databases, free ports), waits until every service is
 * ready, and hands the gateway URL and admin account to the workers through the environment.
 * The returned function stops everything and removes the temp dir.
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  const webRoot = fileURLToPath(new URL('../services/web/dist', import.meta.url));
  if (!existsSync(`${webRoot}/index.html`)) throw new Error(`The web UI is not built at ${webRoot}: run "npx nx e2e web" (it builds first) or "npx nx build web".`);
  // The browser tests are about screens, not password hashing (proved at the production cost by auth's own tests):
  // auth hashes at the unit tests' scrypt cost here, which took a tenth of the layer's CPU at the production one.
  const system = await startSystem({ webRoot, env: { AUTH_SCRYPT_N: '1024' } });
  process.env.E2E_BASE_URL = system.gatewayUrl;
  process.env.E2E_ADMIN_EMAIL = system.admin.email;
  process.env.E2E_ADMIN_PASSWORD = system.admin.password;
  return () => system.stop();
}
