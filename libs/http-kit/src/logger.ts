import { pino, type Logger as PinoLogger, type LoggerOptions } from 'pino';

export type Logger = PinoLogger;

/** Process-wide structured logger (pino). Tests pass level 'silent'. */
export function createLogger(options: { name: string; level?: string } & LoggerOptions): Logger {
  return pino({
    level: options.level ?? process.env.LOG_LEVEL ?? 'info',
    base: { service: options.name },
    redact: { paths: ['req.headers.authorization', 'password', '*.password', 'refreshToken', '*.refreshToken'], remove: true },
    ...options,
  });
}
