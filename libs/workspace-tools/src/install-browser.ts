/**
 * The e2e layer's browser. `npm test` calls `ensureBrowser()` before it starts any layer, so a fresh clone needs no
 * separate step; `npm run browser:install` does the same on its own. It uses Debian's Chromium headless shell (the
 * only browser source reachable here: Playwright's own download is not; which binary and package is defined once in
 * libs/system-kit/src/e2e-browser.ts) and installs it with apt-get when missing — which needs root and apt-get; when
 * either is missing it says exactly what to run instead. Nothing happens when the binary (or E2E_CHROMIUM_PATH)
 * exists, or when E2E_CHROMIUM_PATH is set empty (Playwright's own browser).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { E2E_BROWSER } from '@ledgerline/system-kit/e2e-browser';

export interface BrowserCheck {
  ok: boolean;
  message: string;
}

/** What the machine offers, as `ensureBrowser` needs it (injected in tests). */
export interface BrowserHost {
  env: NodeJS.ProcessEnv;
  exists(path: string): boolean;
  isRoot(): boolean;
  hasAptGet(): boolean;
  /** Runs one apt-get command with its output shown; true when it exits 0. */
  aptGet(args: string[]): boolean;
  announce(message: string): void;
}

const INSTALL = `apt-get update && apt-get install -y ${E2E_BROWSER.aptPackage}`;

export const realHost: BrowserHost = {
  env: process.env,
  exists: existsSync,
  isRoot: () => process.getuid?.() === 0,
  hasAptGet: () => spawnSync('apt-get', ['--version'], { stdio: 'ignore' }).status === 0,
  aptGet: (args) =>
    spawnSync('apt-get', args, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } }).status === 0,
  announce: (message) => console.log(message),
};

/** Makes sure the e2e browser is there, installing Debian's Chromium when it can; never throws. */
export function ensureBrowser(host: BrowserHost = realHost): BrowserCheck {
  if (host.env.E2E_CHROMIUM_PATH === '') return { ok: true, message: "browser: E2E_CHROMIUM_PATH is empty: Playwright's own browser is used" };
  const path = host.env.E2E_CHROMIUM_PATH || E2E_BROWSER.path;
  if (host.exists(path)) return { ok: true, message: `browser: ${path} is there` };
  if (host.env.E2E_CHROMIUM_PATH) {
    return { ok: false, message: `browser: E2E_CHROMIUM_PATH=${path} does not exist. Point it at a Chromium binary, or unset it to use Debian's ${E2E_BROWSER.path}.` };
  }
  if (!host.hasAptGet()) {
    return { ok: false, message: `browser: no Chromium at ${path} and no apt-get to install one (not Debian/Ubuntu). Install Chromium and set E2E_CHROMIUM_PATH=/path/to/chromium.` };
  }
  if (!host.isRoot()) {
    return { ok: false, message: `browser: no Chromium at ${path}, and installing it needs root. Run as root: ${INSTALL} (or set E2E_CHROMIUM_PATH), then npm test again.` };
  }
  host.announce(`browser: installing Debian's ${E2E_BROWSER.aptPackage} with apt-get (once)…`);
  const installed = host.aptGet(['update', '-qq']) && host.aptGet(['install', '-y', '-qq', E2E_BROWSER.aptPackage]) && host.exists(path);
  return installed
    ? { ok: true, message: `browser: installed at ${path}` }
    : { ok: false, message: `browser: apt-get could not install ${E2E_BROWSER.aptPackage} (see its output above); ${path} is still missing. Try: ${INSTALL}` };
}

if (import.meta.main) {
  const check = ensureBrowser();
  (check.ok ? console.log : console.error)(check.message);
  process.exit(check.ok ? 0 : 1);
}
