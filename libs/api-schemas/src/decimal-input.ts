import { z } from 'zod';

/** Money on the wire and in the database: 2 dp. */
export const MONEY_DP = 2;
/** Quantities: up to 6 dp. */
export const QUANTITY_DP = 6;
/** Prices as entered: up to 4 dp. */
export const PRICE_DP = 4;

const PLAIN_DECIMAL = /^\d+(\.\d+)?$/;
const MAX_INTEGER_DIGITS = 15;

interface DecimalInputOptions {
  /** What the value is, for messages: "amount", "quantity", "price". */
  what: string;
  example: string;
  maxDp: number;
  /** true: must be > 0; false: >= 0. */
  positive: boolean;
}

const fractionDigits = (value: string) => (value.includes('.') ? value.length - value.indexOf('.') - 1 : 0);

/**
 * A decimal string from the wire, e.g. "105.00" or "0.5": only digits with an optional fraction (no sign,
 * exponent or JSON number), at most `maxDp` decimal places, at most 15 integer digits. String checks only (no
 * decimal arithmetic): a plain decimal is greater than zero exactly when it has a non-zero digit.
 */
export function decimalInput(options: DecimalInputOptions) {
  return z
    .string({ error: `Send the ${options.what} as a decimal string, e.g. "${options.example}".` })
    .regex(PLAIN_DECIMAL, { error: `The ${options.what} must be a decimal string of digits with an optional fraction, e.g. "${options.example}".`, abort: true })
    .refine((value) => value.split('.')[0]!.replace(/^0+(?=\d)/, '').length <= MAX_INTEGER_DIGITS, { error: `The ${options.what} is too large.`, abort: true })
    .refine((value) => fractionDigits(value) <= options.maxDp, `The ${options.what} may have at most ${options.maxDp} decimal places.`)
    .refine((value) => !options.positive || !PLAIN_DECIMAL.test(value) || /[1-9]/.test(value), `The ${options.what} must be greater than zero.`);
}

/** A money amount > 0 with at most 2 dp. */
export const positiveMoney = (what = 'amount') => decimalInput({ what, example: '100.00', maxDp: MONEY_DP, positive: true });
/** A money amount >= 0 with at most 2 dp (e.g. fees). */
export const nonNegativeMoney = (what = 'amount') => decimalInput({ what, example: '0.00', maxDp: MONEY_DP, positive: false });
/** A quantity > 0 with at most 6 dp. */
export const positiveQuantity = () => decimalInput({ what: 'quantity', example: '10.5', maxDp: QUANTITY_DP, positive: true });
/** A price >= 0 (or > 0) with at most 4 dp. */
export const priceInput = (what = 'price', positive = false) => decimalInput({ what, example: '101.25', maxDp: PRICE_DP, positive });
