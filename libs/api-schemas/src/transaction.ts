import { z } from 'zod';
import { TRADE_TYPES, TRANSACTION_STATUSES, type TransactionStatus } from './enums.ts';
import { decimalString, nextCursor, timestamp } from './common.ts';
import { SYMBOL_INPUT, symbol, symbolInput } from './symbol.ts';


export const PORTFOLIO_ID = /^[A-Za-z0-9_-]{1,64}$/;
export const MAX_PAGE_SIZE = 100;
export const INSTANT_HINT = 'Use an ISO-8601 date-time with a zone, such as 2026-05-01T14:30:00Z, or a date such as 2026-05-01.';

// ---- requests ----
const DECIMALS_AS_TEXT = 'Send decimals as strings, such as "10.50".';
const text = (error: string) => z.string({ error }).nullish();

/**
 * POST /transactions (with an Idempotency-Key header): the body's shape. The service then checks the fields each
 * type needs, the decimals' places and the instant (faults are 422 naming the field).
 */
export const recordTransactionRequest = z
  .strictObject({
    portfolioId: z.string({ error: 'Name the portfolio (its id).' }).regex(PORTFOLIO_ID, 'Not a portfolio id.'),
    type: z.enum(TRADE_TYPES, { error: `Use one of: ${TRADE_TYPES.join(', ')}.` }),
    // checked and normalised by the service with symbolInput (a fault is 422 invalid_symbol); documented here
    symbol: text('Send the symbol as a string, such as "AAPL".').meta({ pattern: SYMBOL_INPUT.source, description: symbolInput.meta()?.description }),
    quantity: text(DECIMALS_AS_TEXT),
    price: text(DECIMALS_AS_TEXT),
    amount: text(DECIMALS_AS_TEXT),
    fees: text(DECIMALS_AS_TEXT),
    executedAt: text(INSTANT_HINT),
  })
  .meta({ id: 'RecordTransactionRequest' });
export type RecordTransactionRequest = z.input<typeof recordTransactionRequest>;

/** GET /transactions query parameters (empty values count as absent). */
export const transactionHistoryQuery = z.strictObject({
  portfolioId: z.string().regex(PORTFOLIO_ID, 'Not a portfolio id.').optional(),
  symbol: symbolInput.optional(),
  type: z.enum(TRADE_TYPES, { error: `Use one of: ${TRADE_TYPES.join(', ')}.` }).optional(),
  status: z
    .string()
    .transform((value) => [...new Set(value.split(',').map((part) => part.trim()))])
    .refine((parts): parts is TransactionStatus[] => parts.every((part) => (TRANSACTION_STATUSES as readonly string[]).includes(part)), {
      error: `Use one or more of ${TRANSACTION_STATUSES.join(', ')}, separated by commas.`,
    })
    .optional(),
  from: z.string().optional(),
  to: z.string().optional(),
  cursor: z.string().optional(),
  limit: z
    .string()
    .regex(/^\d{1,4}$/, 'Send a whole number.')
    .transform(Number)
    .pipe(z.number().int().min(1, 'At least 1.').max(MAX_PAGE_SIZE, `At most ${MAX_PAGE_SIZE}.`))
    .optional(),
});
/** The query as a client sends it: URL parameters are strings (an empty one counts as absent); `limit` may be a number. */
export type TransactionQuery = Partial<Record<Exclude<keyof z.input<typeof transactionHistoryQuery>, 'limit'>, string>> & { limit?: string | number };

// ---- responses ----
/** A holding after a trade (quantity "0" stays so its realised P/L is kept). */
export const tradeHolding = z.strictObject({ symbol, quantity: decimalString, averageCost: decimalString, realizedPnl: decimalString });
export type TradeHolding = z.output<typeof tradeHolding>;

/** The state after an applied trade: cash, the holding traded, and the realised P/L of this transaction (sell only). */
export const tradeResult = z.strictObject({ cash: decimalString, holding: tradeHolding.nullable(), realizedPnl: decimalString.nullable() }).meta({ id: 'TradeResult' });
export type TradeResult = z.output<typeof tradeResult>;


/** The public shape of a recorded transaction (never the idempotency key, request hash or retry bookkeeping). */
export const transaction = z
  .strictObject({
    id: z.string(),
    portfolioId: z.string(),
    type: z.enum(TRADE_TYPES),
    symbol: symbol.nullable(),
    quantity: decimalString.nullable(),
    price: decimalString.nullable(),
    amount: decimalString.nullable(),
    fees: decimalString,
    executedAt: timestamp,
    createdAt: timestamp,
    status: z.enum(TRANSACTION_STATUSES),
    /** Set when completed. */
    result: tradeResult.nullable(),
    /** Why the portfolio refused it (rejected only). */
    rejection: z.strictObject({ status: z.number().int(), code: z.string(), detail: z.string().nullable() }).nullable(),
  })
  .meta({ id: 'Transaction' });
export type Transaction = z.output<typeof transaction>;

export const transactionPage = z.strictObject({ items: z.array(transaction), nextCursor }).meta({ id: 'TransactionPage' });
export type TransactionPage = z.output<typeof transactionPage>;
