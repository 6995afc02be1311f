/**
 * `npm run browser:install`: makes sure the e2e layer has a Chromium. Uses Debian's package (the only
 * browser source reachable here: Playwright's own download is not); as root it installs it with apt-get,
 * otherwise it prints the command to run. Nothing happens when /usr/bin/chromium (or E2E_CHROMIUM_PATH) exists.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const path = process.env.E2E_CHROMIUM_PATH || '/usr/bin/chromium';
if (existsSync(path)) {
  console.log(`browser: ${path} is there`);
  process.exit(0);
}
if (process.getuid?.() !== 0) {
  console.error('browser: no Chromium found. Run as root: apt-get update && apt-get install -y chromium (or set E2E_CHROMIUM_PATH).');
  process.exit(1);
}
console.log('browser: installing Debian chromium with apt-get…');
execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
console.log(`browser: ${existsSync(path) ? 'installed' : 'still missing'} at ${path}`);
process.exit(existsSync(path) ? 0 : 1);
