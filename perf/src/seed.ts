/**
 * Seeds a realistic data set on its own: `node perf/src/seed.ts --scale small --out <dir>` (PERF_SCALE works
 * too). Without --out it seeds into a fresh temp dir and keeps it, printing where. The databases are what
 * `startSystem({ dataDir })` expects: auth.sqlite, portfolio.sqlite, transaction.sqlite (+ manifest.json).
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { createTempDir } from '@ledgerline/test-kit';
import { parseOptions } from './options.ts';
import { seedDatabases } from './seed/seed-databases.ts';

// Perf data is test data: the database kit's guard then refuses ./data/ and anything outside the OS temp dir.
process.env.LEDGERLINE_TEST_RUN = '1';
const options = parseOptions();
const dir = options.out ? resolve(options.out) : createTempDir('ledgerline-perf-seed-').dir;
mkdirSync(dir, { recursive: true });
const manifest = await seedDatabases({ dir, scale: options.scale });
console.log(`Seeding took ${manifest.timings.total} s. Databases in ${dir}`);
