/**
 * Service-to-service shapes that are not public API (the gateway does not route them), defined once for the client
 * and the service that answers: the transaction → portfolio trade API, POST /internal/portfolios/:portfolioId/trades
 * (apply, idempotent by transactionId), POST /internal/trade-batches (several applies in one call) and
 * GET /internal/trades/:transactionId. Browser-safe like the rest.
 */
import { z } from 'zod';
import { TRADE_TYPES } from './enums.ts';
import { nonNegativeMoney, positiveMoney, positiveQuantity, priceInput } from './decimal-input.ts';
import { symbolInput } from './symbol.ts';
import { tradeResult } from './transaction.ts';
import { problem } from './common.ts';

/** The body of an apply (the portfolio id travels in the path); which fields a type needs is the portfolio's rule. */
export const applyTradeRequest = z.strictObject({
  transactionId: z.uuid('transactionId must be a UUID.'),
  type: z.enum(TRADE_TYPES, { error: `type must be one of ${TRADE_TYPES.join(', ')}.` }),
  symbol: symbolInput.optional(),
  quantity: positiveQuantity().optional(),
  price: priceInput('price').optional(),
  amount: positiveMoney('amount').optional(),
  fees: nonNegativeMoney('fees').optional(),
  executedAt: z.iso.datetime({ offset: true, error: 'executedAt must be an ISO-8601 date-time such as "2026-06-01T12:00:00Z".' }),
});
/** One trade or cash movement to apply, as the client is called with it; decimals are strings ("10.5", "105.00"). */
export type ApplyTradeRequest = z.input<typeof applyTradeRequest> & { portfolioId: string };

/** The answer to both routes: the state after the trade. `applied: false`: this id had been applied before (nothing changed this time). */
export const applyTradeResult = tradeResult.extend({ transactionId: z.string().min(1), portfolioId: z.string().min(1), applied: z.boolean() });
export type ApplyTradeResult = z.output<typeof applyTradeResult>;

/** The most trades one POST /internal/trade-batches carries. */
export const MAX_TRADE_BATCH = 50;

/**
 * One trade of a batch: an apply's body, the portfolio it is for, and the transaction service's on-behalf-of token
 * for that trade's user (a batch carries trades of many users; each is applied for its own token's user only).
 */
export const applyTradeBatchItem = applyTradeRequest.extend({
  portfolioId: z.uuid('Not a portfolio id.'),
  onBehalfOf: z.string().min(1, 'onBehalfOf must be the service token for the trade’s user.'),
});
export type ApplyTradeBatchItem = z.input<typeof applyTradeBatchItem>;

/**
 * POST /internal/trade-batches: several applies in one call, each handled as POST /internal/portfolios/:id/trades
 * would (its own token check, validation and database transaction). Items are checked one by one, so one bad
 * trade is refused alone: the batch itself only has to be a list of 1–MAX_TRADE_BATCH objects.
 */
export const applyTradeBatchRequest = z.strictObject({
  trades: z.array(z.looseObject({}), 'trades must be a list of trades.').min(1, 'trades must hold at least one trade.').max(MAX_TRADE_BATCH, `trades holds at most ${MAX_TRADE_BATCH} trades.`),
});

/** Each trade's answer, in the order sent: 200 with the result, or the problem the single apply would have answered. */
export const applyTradeBatchResult = z.strictObject({
  results: z.array(z.union([
    z.strictObject({ status: z.literal(200), result: applyTradeResult }),
    z.strictObject({ status: z.number().int().min(400).max(599), problem }),
  ])),
});
export type ApplyTradeBatchResult = z.output<typeof applyTradeBatchResult>;
