import type { Em } from '@ledgerline/db-kit';
import { Instrument } from './instrument.entity.ts';
import { INSTRUMENT_UNIVERSE, type SeedInstrument } from './instrument-universe.ts';

/**
 * Seeds the instrument universe: inserts the symbols that are missing and leaves existing ones (and their
 * prices) alone, so it is safe to run on every start. Returns how many were inserted.
 */
export async function seedInstruments(em: Em, now: Date, universe: readonly SeedInstrument[] = INSTRUMENT_UNIVERSE): Promise<number> {
  const existing = new Set((await em.find(Instrument, {}, { fields: ['symbol'] })).map((instrument) => instrument.symbol));
  const missing = universe.filter((seed) => !existing.has(seed.symbol));
  for (const seed of missing) em.create(Instrument, { ...seed, priceUpdatedAt: now });
  await em.flush();
  return missing.length;
}
