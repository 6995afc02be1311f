import type { OpenApiDocument } from './openapi/openapi-document.ts';
import type { Logger } from '@ledgerline/http-kit';
import type { KeyResolver } from '@ledgerline/auth-tokens';
import type { AuthClient } from '@ledgerline/auth-client';
import type { PortfolioApiClient } from '@ledgerline/portfolio-client';
import type { TransactionClient } from '@ledgerline/transaction-client';

export interface GatewaySettings {
  bodyLimit: string;
  /** Attempts per client IP per window on login and on register. */
  loginRateLimit: { max: number; windowMs: number };
  registerRateLimit: { max: number; windowMs: number };
}

export const DEFAULT_GATEWAY_SETTINGS: GatewaySettings = {
  bodyLimit: '32kb',
  loginRateLimit: { max: 20, windowMs: 60_000 },
  registerRateLimit: { max: 10, windowMs: 60_000 },
};

export interface GatewayClients {
  auth: AuthClient;
  portfolio: PortfolioApiClient;
  transaction: TransactionClient;
}

/** Everything the gateway's createApp needs, passed explicitly. */
export interface GatewayDeps {
  logger: Logger;
  /** Verifies access tokens locally (remoteKeys(AUTH_JWKS_URL) in main.ts). */
  keys: KeyResolver;
  clients: GatewayClients;
  /** The built web UI (services/web/dist); omitted → no UI is served. */
  webRoot?: string;
  settings?: Partial<GatewaySettings>;
  clock?: () => Date;
  /** The document served at /api/v1/openapi.json; omitted → built from the schemas (tests build it once per process). */
  openApi?: OpenApiDocument;
}
