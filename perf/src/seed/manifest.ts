import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ScaleName } from '../options.ts';

/** What the load test needs to know about a seeded data set (written next to the databases). */
export interface SeedManifest {
  scale: ScaleName;
  seed: number;
  password: string;
  counts: { users: number; portfolios: number; holdings: number; openHoldings: number; transactions: number; instruments: number };
  /** Seconds per phase and in total. */
  timings: Record<string, number>;
  users: SeededUser[];
}

export interface SeededUser {
  email: string;
  portfolios: SeededPortfolio[];
}

export interface SeededPortfolio {
  id: string;
  cash: string;
  transactions: number;
  openHoldings: number;
}

export const MANIFEST_FILE = 'manifest.json';

export function writeManifest(dir: string, manifest: SeedManifest): void {
  writeFileSync(join(dir, MANIFEST_FILE), `${JSON.stringify(manifest)}\n`);
}

export function readManifest(dir: string): SeedManifest {
  return JSON.parse(readFileSync(join(dir, MANIFEST_FILE), 'utf8')) as SeedManifest;
}
