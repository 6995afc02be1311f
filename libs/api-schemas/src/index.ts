/**
 * The gateway's public API (/api/v1) as zod schemas and the types inferred from them: the services validate
 * requests and type responses with these, the web UI imports the same types, and contracts/openapi/openapi.json is
 * generated from them. Browser-safe: zod only, no server code. Money and quantities are decimal strings.
 */
export * from './enums.ts';
export * from './common.ts';
export * from './auth.ts';
export * from './decimal-input.ts';
export * from './symbol.ts';
export * from './tolerant.ts';
export * from './portfolio.ts';
export * from './transaction.ts';
