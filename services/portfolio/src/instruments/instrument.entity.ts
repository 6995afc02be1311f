import { defineEntity, p } from '@mikro-orm/core';

export const ASSET_CLASSES = ['equity', 'etf', 'bond', 'cash'] as const;
export type AssetClass = (typeof ASSET_CLASSES)[number];

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
