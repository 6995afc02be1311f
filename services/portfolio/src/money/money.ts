import { Decimal } from 'decimal.js';
import { MONEY_DP, PRICE_DP, QUANTITY_DP } from '@ledgerline/api-schemas';

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

/** Number of decimal places written in a decimal string ("1.50" → 2). */
export function decimalPlaces(value: string): number {
  const dot = value.indexOf('.');
  return dot === -1 ? 0 : value.length - dot - 1;
}

const noNegativeZero = (text: string) => (/^-0(\.0+)?$/.test(text) ? text.slice(1) : text);

/** Rounds to whole cents, half to even: 2.345 → 2.34, 2.355 → 2.36. */
export function roundMoney(value: Dec): Dec {
  return value.toDecimalPlaces(MONEY_DP, Decimal.ROUND_HALF_EVEN);
}

/** "105.00": money with exactly 2 dp, half to even. */
export function formatMoney(value: Dec | string): string {
  return noNegativeZero(dec(value).toFixed(MONEY_DP, Decimal.ROUND_HALF_EVEN));
}

/** "10", "0.5", "1.234567": a quantity rounded to 6 dp with trailing zeros removed. */
export function formatQuantity(value: Dec | string): string {
  return noNegativeZero(dec(value).toDecimalPlaces(QUANTITY_DP, Decimal.ROUND_HALF_EVEN).toFixed());
}

/** "103.3333": an average cost with exactly 4 dp. */
export function formatAverageCost(value: Dec | string): string {
  return noNegativeZero(dec(value).toFixed(AVERAGE_COST_DP, Decimal.ROUND_HALF_EVEN));
}

/** Internal averageCost precision (10 dp, trailing zeros removed) for the TEXT column. */
export function storeAverageCost(value: Dec): string {
  return noNegativeZero(value.toDecimalPlaces(STORED_AVERAGE_COST_DP, Decimal.ROUND_HALF_EVEN).toFixed());
}

/** "189.50", "0.1234": a price with 2 to 4 dp. */
export function formatPrice(value: Dec | string): string {
  const [whole, fraction] = dec(value).toFixed(PRICE_DP, Decimal.ROUND_HALF_EVEN).split('.');
  return noNegativeZero(`${whole}.${fraction.replace(/0+$/, '').padEnd(MONEY_DP, '0')}`);
}

/** A decimal as an integer count of 10^-scale units (exact: "12.3" at scale 2 → 1230n). */
function scaledInteger(value: Dec, scale: number): bigint {
  const text = value.toFixed();
  return BigInt(text.replace('.', '') + '0'.repeat(scale - decimalPlaces(text)));
}

/**
 * part / whole × 100 as a percent with 2 dp, half to even; "0.00" when the whole is zero. Computed exactly in
 * integers (the quotient in hundredths of a percent and its remainder decide the rounding): no intermediate rounding
 * of the quotient, and about a quarter of the cost of a 40-digit Decimal division — it runs for every holding on
 * the holdings and performance pages.
 */
export function formatPercent(part: Dec, whole: Dec): string {
  if (whole.isZero()) return '0.00';
  const scale = Math.max(part.decimalPlaces(), whole.decimalPlaces());
  const numerator = scaledInteger(part, scale) * 10n ** BigInt(2 + PERCENT_DP);
  const denominator = scaledInteger(whole, scale);
  const negative = numerator < 0n !== denominator < 0n;
  const n = numerator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  let hundredths = n / d;
  const twiceRemainder = (n % d) * 2n;
  if (twiceRemainder > d || (twiceRemainder === d && hundredths % 2n === 1n)) hundredths += 1n;
  const digits = hundredths.toString().padStart(PERCENT_DP + 1, '0');
  const text = `${digits.slice(0, -PERCENT_DP)}.${digits.slice(-PERCENT_DP)}`;
  return negative && hundredths !== 0n ? `-${text}` : text;
}

/** Sum of decimals (0 for none). */
export function sum(values: Iterable<Dec>): Dec {
  let total = new D(0);
  for (const value of values) total = total.plus(value);
  return total;
}
