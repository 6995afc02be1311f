import { defineEntity, p } from '@mikro-orm/core';
import { Portfolio } from '../portfolios/portfolio.entity.ts';

/**
 * The one definition of the `holding` table: a portfolio's position in one instrument. Decimals are TEXT:
 * quantity (≤ 6 dp), averageCost (10 dp internally), realizedPnl (2 dp). A closed position stays at quantity "0".
 */
export const HoldingSchema = defineEntity({
  name: 'Holding',
  tableName: 'holding',
  properties: {
    id: p.string().primary(),
    portfolio: () => p.manyToOne(Portfolio),
    symbol: p.string(),
    quantity: p.string(),
    averageCost: p.string(),
    realizedPnl: p.string(),
    createdAt: p.datetime(),
    updatedAt: p.datetime(),
  },
  uniques: [{ properties: ['portfolio', 'symbol'] }],
});

export class Holding extends HoldingSchema.class {}
HoldingSchema.setClass(Holding);
