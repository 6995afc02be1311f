export { createApp } from './app.ts';
export { DEFAULT_GATEWAY_SETTINGS, type GatewayDeps, type GatewaySettings, type GatewayClients } from './deps.ts';
