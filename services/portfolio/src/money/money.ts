import { Decimal } from 'decimal.js';
import { MONEY_DP, PRICE_DP, QUANTITY_DP } from '@ledgerline/api-schemas';
import { fixedText, parseFixed, percentText, trimmedText, type Fixed } from './fixed-point.ts';

/**
 * Exact decimal arithmetic for money and quantities (never floats). A private Decimal constructor with
 * 40 significant digits and banker's rounding (ROUND_HALF_EVEN); toFixed never switches to exponent notation.
 */
export const D = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_EVEN, toExpNeg: -50, toExpPos: 50 });
export type Dec = Decimal;

// Money 2 dp, quantities up to 6 dp, prices as entered up to 4 dp: the wire's rules, defined with the API's shapes.
export { MONEY_DP, PRICE_DP, QUANTITY_DP } from '@ledgerline/api-schemas';
/** averageCost as shown: 4 dp. */
export const AVERAGE_COST_DP = 4;
/** averageCost as stored: enough digits that quantity × averageCost reproduces the cost to the cent. */
export const STORED_AVERAGE_COST_DP = 10;
export const PERCENT_DP = 2;

const DECIMAL_STRING = /^-?\d+(\.\d+)?$/;

/** Parses a stored or validated decimal string; throws on anything else (a bug, never user input). */
export function dec(value: string | Dec): Dec {
  if (typeof value !== 'string') return value;
  if (!DECIMAL_STRING.test(value)) throw new Error(`not a decimal string: "${value}"`);
  return new D(value);
}

/** Rounds to whole cents, half to even: 2.345 → 2.34, 2.355 → 2.36. */
export function roundMoney(value: Dec): Dec {
  return value.toDecimalPlaces(MONEY_DP, Decimal.ROUND_HALF_EVEN);
}

/** A decimal (decimal.js, a validated string, or fixed-point) as fixed-point, exactly. */
function fixed(value: Dec | string | Fixed): Fixed {
  if (typeof value === 'string') return parseFixed(value);
  return 'units' in value ? value : parseFixed(value.toFixed());
}

/** "105.00": money with exactly 2 dp, half to even. */
export function formatMoney(value: Dec | string | Fixed): string {
  return fixedText(fixed(value), MONEY_DP);
}

/** "10", "0.5", "1.234567": a quantity rounded to 6 dp with trailing zeros removed. */
export function formatQuantity(value: Dec | string | Fixed): string {
  return trimmedText(fixed(value), QUANTITY_DP);
}

/** "103.3333": an average cost with exactly 4 dp. */
export function formatAverageCost(value: Dec | string | Fixed): string {
  return fixedText(fixed(value), AVERAGE_COST_DP);
}

/** Internal averageCost precision (10 dp, trailing zeros removed) for the TEXT column. */
export function storeAverageCost(value: Dec | Fixed): string {
  return trimmedText(fixed(value), STORED_AVERAGE_COST_DP);
}

/** "189.50", "0.1234": a price with 2 to 4 dp. */
export function formatPrice(value: Dec | string | Fixed): string {
  return trimmedText(fixed(value), PRICE_DP, MONEY_DP);
}

/**
 * part / whole × 100 as a percent with 2 dp, half to even; "0.00" when the whole is zero. Computed exactly in
 * integers (fixed-point.ts): no intermediate rounding of the quotient.
 */
export function formatPercent(part: Dec | Fixed, whole: Dec | Fixed): string {
  return percentText(fixed(part), fixed(whole), PERCENT_DP);
}
