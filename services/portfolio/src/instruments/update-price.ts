import type { Em } from '@ledgerline/db-kit';
import { dec, PRICE_DP } from '../money/money.ts';
import type { Instrument } from './instrument.entity.ts';

/** Sets an instrument's last price (admin action); every holding in it is revalued from then on. */
export async function updatePrice(em: Em, instrument: Instrument, price: string, now: Date): Promise<Instrument> {
  instrument.lastPrice = dec(price).toDecimalPlaces(PRICE_DP).toFixed();
  instrument.priceUpdatedAt = now;
  await em.flush();
  return instrument;
}
