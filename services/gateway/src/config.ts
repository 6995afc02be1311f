import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_GATEWAY_SETTINGS } from './deps.ts';

/** The environment variable that sets this service's port (`npm start` names it when the port is taken). */
export const PORT_VARIABLE = 'GATEWAY_PORT';

/** Gateway configuration from the environment. Only main.ts reads this. */
export function readConfig(env: NodeJS.ProcessEnv = process.env) {
  const authUrl = env.AUTH_URL ?? 'http://127.0.0.1:4001';
  return {
    port: Number(env[PORT_VARIABLE] ?? env.PORT ?? 4000),
    host: env.HOST ?? '127.0.0.1',
    portVariable: PORT_VARIABLE,
    logLevel: env.LOG_LEVEL ?? 'info',
    authUrl,
    portfolioUrl: env.PORTFOLIO_URL ?? 'http://127.0.0.1:4002',
    transactionUrl: env.TRANSACTION_URL ?? 'http://127.0.0.1:4003',
    jwksUrl: env.AUTH_JWKS_URL ?? `${authUrl}/.well-known/jwks.json`,
    upstreamTimeoutMs: Number(env.UPSTREAM_TIMEOUT_MS ?? 5000),
    /** Attempts per client address per minute (the e2e and perf runs raise these: all their traffic is from 127.0.0.1). */
    loginPerMinute: Number(env.GATEWAY_LOGIN_PER_MINUTE ?? DEFAULT_GATEWAY_SETTINGS.loginRateLimit.max),
    registerPerMinute: Number(env.GATEWAY_REGISTER_PER_MINUTE ?? DEFAULT_GATEWAY_SETTINGS.registerRateLimit.max),
    webRoot: resolve(env.WEB_ROOT ?? fileURLToPath(new URL('../../web/dist', import.meta.url))),
  };
}
