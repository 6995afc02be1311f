/**
 * End-to-end layer: Playwright journeys across all services in a real browser.
 * `npx nx e2e web` builds the web UI, then this config starts auth, portfolio, transaction and gateway
 * (global-setup.ts) on free ports with fresh file-SQLite databases in a temp dir, and removes them after.
 */
import { existsSync } from 'node:fs';
import { flushCompileCache } from 'node:module';
import { defineConfig, devices } from '@playwright/test';
// The light entry (no system kit, no ORM): Playwright loads this config in its runner and in every worker.
import { e2eBrowserPath } from '@ledgerline/system-kit/e2e-browser';

// Playwright's runner reads this file once its own modules are loaded, before it starts the workers, which load the
// same ones: Node would write the compile cache (NODE_COMPILE_CACHE, set by npm test) only when the runner exits, so
// on a fresh clone both workers compiled them afresh.
flushCompileCache();

export default defineConfig({
  testDir: './tests',
  globalSetup: './global-setup.ts',
  fullyParallel: true,
  workers: process.env.E2E_WORKERS ? Number(process.env.E2E_WORKERS) : 2,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 5_000 },
  outputDir: './test-results',
  reporter: [['list'], ['html', { outputFolder: './report', open: 'never' }]],
  use: {
    ...devices['Desktop Chrome'],
    viewport: { width: 1280, height: 800 },
    // One browser context (and tab) per worker, reset by Playwright between tests: cookies, cache, local and
    // session storage, IndexedDB, service workers, extra pages, routes, init scripts and the viewport. A new
    // context and tab per test cost about 0.75 s of CPU each (a renderer process and a cross-site navigation);
    // TESTING.md has the measurement. Our app keeps its state only in sessionStorage, which the reset clears.
    reuseContext: true,
    // On failure: a screenshot, and the error with the locator and what it found. A trace (DOM snapshots, network,
    // console, sources) on request: E2E_TRACE=1 records one for every test and keeps those of failed tests, as
    // `npm run flake-hunt` does. Recording it for every passing test cost 9% of the layer's wall time and 0.2 s of
    // the median test (TESTING.md has the measurement).
    trace: process.env.E2E_TRACE ? { mode: 'retain-on-failure', screenshots: false, snapshots: true, sources: true } : 'off',
    // A screenshot of a failed test comes with the trace (E2E_TRACE=1, as flake-hunt sets). Without it a failure still
    // leaves the error with the locator and what it found, and the page's aria snapshot (error-context.md). Playwright
    // takes its 'only-on-failure' screenshot of every test, in case it fails, and throws the passing ones away: 60-70 ms
    // of CPU a test (TESTING.md has the measurement).
    screenshot: process.env.E2E_TRACE ? 'only-on-failure' : 'off',
    launchOptions: {
      // Debian's chromium-headless-shell unless E2E_CHROMIUM_PATH says otherwise (libs/system-kit/src/e2e-browser.ts).
      executablePath: e2eBrowserPath(process.env, existsSync),
      args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    },
  },
});
