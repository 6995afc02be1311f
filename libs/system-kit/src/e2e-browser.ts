/**
 * The e2e layer's browser, defined once: `e2e/playwright.config.ts` launches it and `npm test` / `npm run
 * browser:install` (libs/workspace-tools/src/install-browser.ts) install it.
 *
 * Debian's `chromium-headless-shell`: the same Chromium build as Debian's `chromium`, as the headless shell that
 * Playwright itself uses for headless Chromium (Playwright's own download is not reachable here). Against the full
 * browser in headless mode it cut the e2e layer from 224 to 139 s of CPU (TESTING.md has the measurement). To watch a
 * test (`--headed`), point E2E_CHROMIUM_PATH at the full browser: `E2E_CHROMIUM_PATH=/usr/bin/chromium`.
 */
export const E2E_BROWSER = { path: '/usr/bin/chromium-headless-shell', aptPackage: 'chromium-headless-shell' } as const;

/**
 * The binary to launch: E2E_CHROMIUM_PATH when set, Playwright's own browser when it is set empty, else Debian's
 * headless shell — or Playwright's own when that is not installed either.
 */
export function e2eBrowserPath(env: NodeJS.ProcessEnv, exists: (path: string) => boolean): string | undefined {
  if (env.E2E_CHROMIUM_PATH !== undefined) return env.E2E_CHROMIUM_PATH || undefined;
  return exists(E2E_BROWSER.path) ? E2E_BROWSER.path : undefined;
}
