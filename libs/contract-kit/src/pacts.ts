import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CONTRACTS_DIR } from './paths.ts';

export interface PactInteraction {
  description: string;
  states: string[];
}

export interface PactFile {
  path: string;
  consumer: string;
  provider: string;
  sha256: string;
  interactions: PactInteraction[];
}

interface RawPact {
  consumer: { name: string };
  provider: { name: string };
  interactions: Array<{ description: string; providerStates?: Array<{ name: string }> }>;
}

export function readPact(path: string): PactFile {
  const text = readFileSync(path, 'utf8');
  const raw = JSON.parse(text) as RawPact;
  return {
    path,
    consumer: raw.consumer.name,
    provider: raw.provider.name,
    sha256: createHash('sha256').update(text).digest('hex'),
    interactions: raw.interactions.map((i) => ({ description: i.description, states: (i.providerStates ?? []).map((s) => s.name) })),
  };
}

/** Every committed pact file (contracts/*.json), optionally only those naming `provider`. */
export function listPacts(provider?: string, dir = CONTRACTS_DIR): PactFile[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    // Choose by file name before reading: a consumer of this very project may be writing its own pact
    // (<this>-<other>.json) at the same time; only earlier Nx tasks write <consumer>-<provider>.json.
    .filter((name) => name.endsWith('.json') && name !== 'boundaries.json' && (!provider || name.endsWith(`-${provider}.json`)))
    .sort()
    .map((name) => readPact(join(dir, name)))
    .filter((pact) => !provider || pact.provider === provider);
}
