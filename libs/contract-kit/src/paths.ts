import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * contracts/ at the repo root: the committed pact files. LEDGERLINE_CONTRACTS_DIR points a run elsewhere
 * (the "contracts bite" proof runs on a temporary copy and must never write the real pacts).
 */
export const CONTRACTS_DIR = resolve(process.env.LEDGERLINE_CONTRACTS_DIR ?? fileURLToPath(new URL('../../../contracts', import.meta.url)));
/** contracts/.results/: the last verification result per provider (git-ignored, Nx task output). */
export const RESULTS_DIR = join(CONTRACTS_DIR, '.results');

export const pactFileName = (consumer: string, provider: string) => `${consumer}-${provider}.json`;
export const pactPath = (consumer: string, provider: string, dir = CONTRACTS_DIR) => join(dir, pactFileName(consumer, provider));
export const resultPath = (provider: string, dir = RESULTS_DIR) => join(dir, `${provider}.json`);
