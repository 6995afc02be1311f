/**
 * Detects whether a test runner started this process (or the server it is about to open a database for).
 * AVA sets NODE_ENV=test and AVA_PATH in its workers; Playwright sets TEST_WORKER_INDEX; every server our
 * test layers start (Pact verification, Playwright webServer, perf) gets LEDGERLINE_TEST_RUN=1 from the test kit.
 */
export type Env = Record<string, string | undefined>;

const MARKERS = ['AVA_PATH', 'LEDGERLINE_TEST_RUN', 'TEST_WORKER_INDEX', 'PLAYWRIGHT_TEST_BASE_URL', 'PACT_VERIFICATION'];

export function detectTestRunner(env: Env = process.env, argv: readonly string[] = process.argv): string | undefined {
  for (const name of MARKERS) {
    if (env[name]) return name;
  }
  if (env.NODE_ENV === 'test') return 'NODE_ENV=test';
  const runner = argv.find((arg) => /[\\/](ava|playwright)[\\/]/.test(arg));
  return runner ? `argv ${runner}` : undefined;
}
