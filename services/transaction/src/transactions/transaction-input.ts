import { recordTransactionRequest as bodyShape, SYMBOL_RULE, symbolInput } from '@ledgerline/api-schemas';
import { toFieldErrors, validationFailed, type FieldError } from '@ledgerline/http-kit';
import { TRADE_TYPES, type TradeType } from '@ledgerline/portfolio-client';
import { money, parseDecimal, price, quantity, type DecimalRule } from '../shared/decimal.ts';
import { INSTANT_HINT, parseInstant } from '../shared/instant.ts';

export { PORTFOLIO_ID } from '@ledgerline/api-schemas';
const MIN_EXECUTED_AT = Date.UTC(1970, 0, 1);

/** A validated, normalised request to record a transaction. */
export interface TransactionInput {
  portfolioId: string;
  type: TradeType;
  symbol: string | null;
  quantity: string | null;
  price: string | null;
  amount: string | null;
  fees: string;
  /** As sent, normalised; null when the caller left it to the server (then it is "now"). */
  executedAt: Date | null;
}


type Field = 'symbol' | 'quantity' | 'price' | 'amount';
const REQUIRED: Record<TradeType, Field[]> = {
  buy: ['symbol', 'quantity', 'price'],
  sell: ['symbol', 'quantity', 'price'],
  deposit: ['amount'],
  withdrawal: ['amount'],
  fee: ['amount'],
  dividend: ['symbol', 'amount'],
};
const FIELDS: Field[] = ['symbol', 'quantity', 'price', 'amount'];
const RULES: Record<'quantity' | 'price' | 'amount' | 'fees', DecimalRule> = {
  quantity: { maxDp: 6, positive: true },
  price: { maxDp: 4, positive: false },
  amount: { maxDp: 2, positive: true },
  fees: { maxDp: 2, positive: false },
};
const RENDER = { quantity, price, amount: money, fees: money };

/**
 * Validates a POST /transactions body against the per-type rules and normalises it
 * (symbol upper-cased, decimals in their wire form, fees "0.00" by default). Every fault is reported at once.
 */
export function parseTransactionInput(body: unknown, now: Date, maxClockSkewMs: number): TransactionInput {
  const shape = bodyShape.safeParse(body);
  const errors: FieldError[] = shape.success ? [] : toFieldErrors(shape.error.issues);
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw validationFailed(errors);
  const raw = body as Record<string, unknown>;
  const given = (field: string) => typeof raw[field] === 'string';
  const out: Record<string, string | null> = { symbol: null, quantity: null, price: null, amount: null, fees: '0.00' };

  if (given('symbol')) {
    const symbol = symbolInput.safeParse(raw.symbol);
    if (symbol.success) out.symbol = symbol.data;
    else errors.push({ field: 'symbol', code: 'invalid_symbol', message: SYMBOL_RULE });
  }
  for (const field of ['quantity', 'price', 'amount', 'fees'] as const) {
    if (!given(field)) continue;
    const value = parseDecimal(field, raw[field] as string, RULES[field]);
    if ('field' in value) errors.push(value);
    else out[field] = RENDER[field](value);
  }
  const type = TRADE_TYPES.find((candidate) => candidate === raw.type);
  if (type) errors.push(...presenceErrors(type, raw, out.fees));

  let executedAt: Date | null = null;
  if (given('executedAt')) {
    const parsed = executedAtError(raw.executedAt as string, now, maxClockSkewMs);
    if ('field' in parsed) errors.push(parsed);
    else executedAt = parsed;
  }
  if (errors.length || !shape.success || !type) throw validationFailed(errors);
  return {
    portfolioId: shape.data.portfolioId,
    type,
    symbol: out.symbol,
    quantity: out.quantity,
    price: out.price,
    amount: out.amount,
    fees: out.fees ?? '0.00',
    executedAt,
  };
}

function presenceErrors(type: TradeType, raw: Record<string, unknown>, fees: string | null): FieldError[] {
  const errors: FieldError[] = [];
  const present = (field: string) => raw[field] !== undefined && raw[field] !== null;
  for (const field of FIELDS) {
    const required = REQUIRED[type].includes(field);
    if (required && !present(field)) errors.push({ field, code: 'required', message: `A ${type} needs ${field}.` });
    if (!required && present(field)) errors.push({ field, code: 'not_allowed', message: `A ${type} has no ${field}.` });
  }
  if (type !== 'buy' && type !== 'sell' && fees !== null && fees !== '0.00') {
    errors.push({ field: 'fees', code: 'not_allowed', message: 'Fees apply to buys and sells; record a separate "fee" transaction.' });
  }
  return errors;
}

function executedAtError(raw: string, now: Date, maxClockSkewMs: number): Date | FieldError {
  const instant = parseInstant(raw);
  if (!instant) return { field: 'executedAt', code: 'invalid_date', message: INSTANT_HINT };
  if (instant.date.getTime() < MIN_EXECUTED_AT) return { field: 'executedAt', code: 'too_early', message: 'Must not be before 1970-01-01.' };
  if (instant.date.getTime() > now.getTime() + maxClockSkewMs) return { field: 'executedAt', code: 'in_future', message: 'Must not be in the future.' };
  return instant.date;
}
