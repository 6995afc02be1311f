import type { Instrument as InstrumentView } from '@ledgerline/api-schemas';
import { formatPrice } from '../money/money.ts';
import type { Instrument } from './instrument.entity.ts';

/** The public shape of an instrument; the price has 2 to 4 dp ("189.50", "0.1234"). */
export function toInstrumentView(instrument: Instrument): InstrumentView {
  return {
    symbol: instrument.symbol,
    name: instrument.name,
    assetClass: instrument.assetClass,
    currency: instrument.currency,
    lastPrice: formatPrice(instrument.lastPrice),
    priceUpdatedAt: instrument.priceUpdatedAt.toISOString(),
  };
}
