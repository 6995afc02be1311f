/**
 * Display formatting for the API's decimal strings. Everything works on the text itself: a value is never
 * turned into a floating-point number, so "0.10" stays "0.10" and 18-digit amounts keep every digit.
 */

const DECIMAL = /^([+-]?)(\d+)(?:\.(\d+))?$/;

export type Sign = -1 | 0 | 1;

/** Groups the integer digits in threes: "1234567" → "1,234,567". */
function group(digits: string): string {
  const trimmed = digits.replace(/^0+(?=\d)/, '');
  return trimmed.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** "-1234567.5" → "-1,234,567.5"; anything that is not a plain decimal string is returned unchanged. */
export function formatDecimal(value: string | null | undefined): string {
  if (value === null || value === undefined) return '';
  const match = DECIMAL.exec(value.trim());
  if (!match) return value;
  const [, sign, whole, fraction] = match;
  const isZero = /^0*$/.test(whole) && /^0*$/.test(fraction ?? '');
  const prefix = sign === '-' && !isZero ? '-' : '';
  return `${prefix}${group(whole)}${fraction !== undefined ? `.${fraction}` : ''}`;
}

/** A money amount with its currency code when given: ("1234.50", "USD") → "1,234.50 USD". */
export function formatMoney(value: string | null | undefined, currency?: string): string {
  const text = formatDecimal(value);
  return currency && text ? `${text} ${currency}` : text;
}

/** The sign of a decimal string, read from its text ("-0.00" is 0). */
export function signOf(value: string | null | undefined): Sign {
  const match = DECIMAL.exec((value ?? '').trim());
  if (!match) return 0;
  const [, sign, whole, fraction] = match;
  if (/^0*$/.test(whole) && /^0*$/.test(fraction ?? '')) return 0;
  return sign === '-' ? -1 : 1;
}

/** A profit/loss figure with an explicit sign: "+50.00", "-20.00", "0.00". */
export function formatSigned(value: string | null | undefined): string {
  const text = formatDecimal(value);
  return signOf(value) === 1 ? `+${text.replace(/^\+/, '')}` : text;
}

/** A percentage string with an explicit sign: "12.5" → "+12.5%". */
export function formatSignedPercent(value: string | null | undefined): string {
  const text = formatSigned(value);
  return text ? `${text}%` : '';
}

/** The CSS class for a P/L figure: "gain", "loss" or "flat". */
export function pnlClass(value: string | null | undefined): 'gain' | 'loss' | 'flat' {
  const sign = signOf(value);
  return sign === 1 ? 'gain' : sign === -1 ? 'loss' : 'flat';
}
