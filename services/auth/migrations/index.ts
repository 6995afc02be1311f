import type { ServiceMigrations } from '@ledgerline/db-kit';
import { authEntities } from '../src/entities.ts';
import { sqlite } from './sqlite/index.ts';

/**
 * The auth service's schema history: one folder per SQL dialect (`sqlite/` today; a `postgresql/` set sits beside
 * it when that engine arrives), each written by `npx nx run auth:migration:create` and listed in its index.ts.
 */
export const migrations: ServiceMigrations = { service: 'auth', dir: import.meta.dirname, entities: authEntities, sqlite };
