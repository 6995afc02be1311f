import { rmSync } from 'node:fs';
import { PactV4 } from '@pact-foundation/pact';
import { CONTRACTS_DIR, pactPath } from './paths.ts';

/**
 * The PactV4 for one consumer→provider pair, writing contracts/<consumer>-<provider>.json.
 * The old file is deleted first, so the file holds exactly the interactions of this run: a deleted
 * interaction disappears, nothing is merged from stale runs. Keep one test file per pair and run its
 * interactions with test.serial (one mock server at a time).
 */
export function consumerPact(consumer: string, provider: string, dir = CONTRACTS_DIR): PactV4 {
  rmSync(pactPath(consumer, provider, dir), { force: true });
  return new PactV4({ consumer, provider, dir, logLevel: 'error' });
}
