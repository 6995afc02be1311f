import { defineEntity, p } from '@mikro-orm/core';
import type { ApplyTradeResult } from './trade.view.ts';

/**
 * The one definition of the `applied_trade` table: one row per transaction id ever applied, holding the
 * result it produced, so that applying the same transaction again changes nothing and answers the same.
 */
export const AppliedTradeSchema = defineEntity({
  name: 'AppliedTrade',
  tableName: 'applied_trade',
  properties: {
    transactionId: p.string().primary(),
    portfolioId: p.string().index(),
    type: p.string(),
    executedAt: p.datetime(),
    result: p.json<ApplyTradeResult>(),
    appliedAt: p.datetime(),
  },
});

export class AppliedTrade extends AppliedTradeSchema.class {}
AppliedTradeSchema.setClass(AppliedTrade);
