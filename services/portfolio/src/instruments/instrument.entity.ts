import { defineEntity, p } from '@mikro-orm/core';

import { ASSET_CLASSES } from '@ledgerline/api-schemas';

export { ASSET_CLASSES, type AssetClass } from '@ledgerline/api-schemas';

/** The one definition of the `instrument` table: the tradable universe with its last price (TEXT, ≤ 4 dp). */
export const InstrumentSchema = defineEntity({
  name: 'Instrument',
  tableName: 'instrument',
  properties: {
    symbol: p.string().primary(),
    name: p.string(),
    assetClass: p.enum(ASSET_CLASSES).index(),
    currency: p.string().length(3),
    lastPrice: p.string(),
    priceUpdatedAt: p.datetime(),
  },
});

export class Instrument extends InstrumentSchema.class {}
InstrumentSchema.setClass(Instrument);
