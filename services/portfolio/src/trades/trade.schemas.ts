import { z } from 'zod';
import type { FieldError } from '@ledgerline/http-kit';
import type { TradeType } from '@ledgerline/api-schemas';
import type { applyTradeRequest } from '@ledgerline/api-schemas/internal';
import { dec } from '../money/money.ts';

export { TRADE_TYPES, type TradeType } from '@ledgerline/api-schemas';

/** Body of POST /internal/portfolios/:portfolioId/trades: the agreed portfolio ⇄ transaction API, defined once in @ledgerline/api-schemas/internal. */
export { applyTradeRequest as applyTradeSchema } from '@ledgerline/api-schemas/internal';
export type ApplyTradeInput = z.output<typeof applyTradeRequest>;

export const tradePortfolioParam = z.object({ portfolioId: z.uuid('Not a portfolio id.') });
export const tradeTransactionParam = z.object({ transactionId: z.uuid('transactionId must be a UUID.') });

type TradeField = 'symbol' | 'quantity' | 'price' | 'amount' | 'fees';
const REQUIRED: Record<TradeType, TradeField[]> = {
  buy: ['symbol', 'quantity', 'price'],
  sell: ['symbol', 'quantity', 'price'],
  deposit: ['amount'],
  withdrawal: ['amount'],
  fee: ['amount'],
  dividend: ['symbol', 'amount'],
};
const OPTIONAL: Record<TradeType, TradeField[]> = { buy: ['fees'], sell: ['fees'], deposit: [], withdrawal: [], fee: [], dividend: [] };
const FIELDS: TradeField[] = ['symbol', 'quantity', 'price', 'amount', 'fees'];

/**
 * The fields each type needs and accepts: buy/sell need symbol, quantity, price (fees optional);
 * deposit/withdrawal/fee need amount; dividend needs symbol and amount. A field that does not apply is
 * refused (`not_allowed`) rather than ignored — except fees of zero, which any type may carry.
 */
export function tradeShapeErrors(input: ApplyTradeInput): FieldError[] {
  const errors: FieldError[] = [];
  for (const field of FIELDS) {
    const present = input[field] !== undefined;
    if (REQUIRED[input.type].includes(field)) {
      if (!present) errors.push({ field, code: 'required', message: `${field} is required for a ${input.type}.` });
    } else if (present && !OPTIONAL[input.type].includes(field) && !(field === 'fees' && dec(input.fees!).isZero())) {
      errors.push({ field, code: 'not_allowed', message: `${field} does not apply to a ${input.type}.` });
    }
  }
  return errors;
}
