import type { ServiceMigrations } from '@ledgerline/db-kit';
import { portfolioEntities } from '../src/entities.ts';
import { sqlite } from './sqlite/index.ts';

/**
 * The portfolio service's schema history: one folder per SQL dialect (`sqlite/` today; a `postgresql/` set sits beside
 * it when that engine arrives), each written by `npx nx run portfolio:migration:create` and listed in its index.ts.
 */
export const migrations: ServiceMigrations = { service: 'portfolio', dir: import.meta.dirname, entities: portfolioEntities, sqlite };
