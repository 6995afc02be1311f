import type { ServiceMigrations } from '@ledgerline/db-kit';
import { authEntities } from '../src/entities.ts';
import { sqlite } from './sqlite/index.ts';
import { postgresql } from './postgresql/index.ts';

/**
 * The auth service's schema history: one folder per SQL dialect (`sqlite/` and `postgresql/`), each written by `npx nx run auth:migration:create` and listed in its index.ts.
 */
export const migrations: ServiceMigrations = { service: 'auth', dir: import.meta.dirname, entities: authEntities, sqlite, postgresql };
