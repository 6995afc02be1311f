export { createApp } from './app.ts';
export { authEntities } from './entities.ts';
export { migrations as authMigrations } from '../migrations/index.ts';
export { DEFAULT_AUTH_SETTINGS, type AuthDeps, type AuthSettings } from './deps.ts';
export { bootstrapAdmin } from './users/bootstrap-admin.ts';
export { createPasswordHasher } from './passwords/password-hasher.ts';
