import type { Writable } from 'node:stream';
import { pino, type Logger as PinoLogger, type LoggerOptions } from 'pino';
import { PinoPretty } from 'pino-pretty';

export type Logger = PinoLogger;
export type LogFormat = 'json' | 'pretty';

/**
 * JSON lines unless a person reads them: `LOG_FORMAT=json|pretty` decides when set, otherwise a terminal
 * gets readable lines and anything else (a pipe, a file, a log collector) gets JSON. `npm start` runs the
 * services behind pipes, so it passes LOG_FORMAT=pretty when its own output is a terminal.
 */
export function logFormat(env: NodeJS.ProcessEnv = process.env, isTerminal = Boolean(process.stdout.isTTY)): LogFormat {
  if (env.LOG_FORMAT === 'json' || env.LOG_FORMAT === 'pretty') return env.LOG_FORMAT;
  return isTerminal ? 'pretty' : 'json';
}

/** One readable line per entry: time, level, [request id], message, then the other fields inline. */
function prettyStream(env: NodeJS.ProcessEnv, isTerminal: boolean, destination?: Writable) {
  const colorize = env.NO_COLOR ? false : env.FORCE_COLOR ? env.FORCE_COLOR !== '0' : isTerminal;
  return PinoPretty({
    colorize,
    singleLine: true,
    translateTime: 'SYS:HH:MM:ss.l',
    ignore: 'pid,hostname,name,service,requestId', // npm start prefixes each line with the service's name
    messageFormat: '{if requestId}[{requestId}] {end}{msg}',
    sync: true,
    ...(destination ? { destination } : {}),
  });
}

export interface CreateLoggerOptions extends LoggerOptions {
  name: string;
  level?: string;
  /** Where the lines go (default stdout); tests pass a stream. */
  destination?: Writable;
  /** Default: logFormat() of the process environment and stdout. */
  format?: LogFormat;
  env?: NodeJS.ProcessEnv;
}

/** Process-wide structured logger (pino). Tests pass level 'silent'. */
export function createLogger(options: CreateLoggerOptions): Logger {
  const { destination, format: chosen, env = process.env, level, ...pinoOptions } = options;
  const isTerminal = destination ? false : Boolean(process.stdout.isTTY);
  const format = chosen ?? logFormat(env, isTerminal);
  const settings: LoggerOptions = {
    level: level ?? env.LOG_LEVEL ?? 'info',
    base: { service: options.name },
    redact: { paths: ['req.headers.authorization', 'password', '*.password', 'refreshToken', '*.refreshToken'], remove: true },
    ...pinoOptions,
  };
  if (format === 'pretty') return pino(settings, prettyStream(env, isTerminal, destination));
  return destination ? pino(settings, destination) : pino(settings);
}
