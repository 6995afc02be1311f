import type { ServiceMigrations } from '@ledgerline/db-kit';
import { transactionEntities } from '../src/entities.ts';
import { sqlite } from './sqlite/index.ts';

/**
 * The transaction service's schema history: one folder per SQL dialect (`sqlite/` today; a `postgresql/` set sits beside
 * it when that engine arrives), each written by `npx nx run transaction:migration:create` and listed in its index.ts.
 */
export const migrations: ServiceMigrations = { service: 'transaction', dir: import.meta.dirname, entities: transactionEntities, sqlite };
