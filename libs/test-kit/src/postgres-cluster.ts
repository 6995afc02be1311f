/**
 * The throwaway PostgreSQL cluster of a whole test run, for the scripts that run the layers (`npm test`,
 * `bench:suite`, `flake-hunt`): a light entry (node built-ins only, no MikroORM), as those scripts start every layer.
 */
export { SHARED_POSTGRES_ENV, startPostgresCluster, type PostgresCluster } from '@ledgerline/db-kit/throwaway-postgres';
