import { createLogger, type Logger } from '@ledgerline/http-kit';

/** A logger that writes nothing (set LOG_LEVEL to see test logs). */
export function createTestLogger(name = 'test'): Logger {
  return createLogger({ name, level: process.env.LEDGERLINE_TEST_LOG_LEVEL ?? 'silent' });
}
