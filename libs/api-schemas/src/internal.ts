/**
 * Service-to-service shapes that are not public API (the gateway does not route them), defined once for the client
 * and the service that answers: the transaction → portfolio trade API, POST /internal/portfolios/:portfolioId/trades
 * (apply, idempotent by transactionId) and GET /internal/trades/:transactionId. Browser-safe like the rest.
 */
import { z } from 'zod';
import { TRADE_TYPES } from './enums.ts';
import { nonNegativeMoney, positiveMoney, positiveQuantity, priceInput } from './decimal-input.ts';
import { symbolInput } from './symbol.ts';
import { tradeResult } from './transaction.ts';

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
