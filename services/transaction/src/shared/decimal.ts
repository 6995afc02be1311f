import { Decimal } from 'decimal.js';
import type { FieldError } from '@ledgerline/http-kit';

const DECIMAL_TEXT = /^\d+(\.\d+)?$/;
const MAX_INTEGER_DIGITS = 15;

export interface DecimalRule {
  /** Most decimal places accepted. */
  maxDp: number;
  /** true: must be > 0; false: may be 0. */
  positive: boolean;
}

/** Parses a non-negative decimal string under a rule; returns the value or the field error. */
export function parseDecimal(field: string, raw: string, rule: DecimalRule): Decimal | FieldError {
  if (!DECIMAL_TEXT.test(raw)) {
    return { field, code: 'invalid_decimal', message: 'Send a non-negative decimal string such as "10.50".' };
  }
  const [integer, fraction = ''] = raw.split('.');
  if (fraction.length > rule.maxDp) {
    return { field, code: 'too_many_decimals', message: `Use at most ${rule.maxDp} decimal places.` };
  }
  if (integer.replace(/^0+(?=\d)/, '').length > MAX_INTEGER_DIGITS) {
    return { field, code: 'too_large', message: `Use at most ${MAX_INTEGER_DIGITS} digits before the decimal point.` };
  }
  const value = new Decimal(raw);
  if (rule.positive && value.isZero()) return { field, code: 'must_be_positive', message: 'Must be greater than 0.' };
  return value;
}

/** Money on the wire: always 2 dp ("105.00"), banker's rounding; an amount that rounds to zero is "0.00", never "-0.00". */
export function money(value: Decimal.Value): string {
  const text = new Decimal(value).toFixed(2, Decimal.ROUND_HALF_EVEN);
  return text === '-0.00' ? '0.00' : text;
}

/** A quantity on the wire: normalised, no trailing zeros, no exponent ("10", "0.5"). */
export function quantity(value: Decimal.Value): string {
  return new Decimal(value).toFixed();
}

/** A price on the wire: at least 2 dp, up to its own precision ("105.00", "105.1234"). */
export function price(value: Decimal.Value): string {
  const decimal = new Decimal(value);
  return decimal.toFixed(Math.max(2, decimal.decimalPlaces()));
}
