/**
 * Exact decimals as scaled integers: a value is `units × 10^-scale` ("12.30" is 1230n at scale 2). The valuation of
 * every holding on the holdings and performance pages runs on these (a few BigInt operations instead of
 * decimal.js objects: perf/README.md, seventh round), and every decimal the portfolio service writes goes through
 * `fixedText`, `trimmedText` or `percentText` here (money.ts's format functions call them), whatever computed it.
 * Results are exact; rounding is half to even, as everywhere in money.ts. fixed-point.test.ts proves them equal to
 * decimal.js on generated values.
 */
export interface Fixed {
  readonly units: bigint;
  readonly scale: number;
}

const DECIMAL_STRING = /^(-?)(\d+)(?:\.(\d+))?$/;
const POWERS = Array.from({ length: 64 }, (_, exponent) => 10n ** BigInt(exponent));
const power = (exponent: number): bigint => POWERS[exponent] ?? 10n ** BigInt(exponent);

/** Parses a plain decimal string ("-12.30"); throws on anything else (a bug, never user input: input is validated). */
export function parseFixed(text: string): Fixed {
  const match = DECIMAL_STRING.exec(text);
  if (!match) throw new Error(`not a decimal string: "${text}"`);
  const fraction = match[3] ?? '';
  const units = BigInt(match[2] + fraction);
  return { units: match[1] ? -units : units, scale: fraction.length };
}

/** `value`'s units at a scale at least its own. */
const unitsAt = (value: Fixed, scale: number): bigint => value.units * power(scale - value.scale);

export const ZERO: Fixed = { units: 0n, scale: 0 };

export function times(a: Fixed, b: Fixed): Fixed {
  return { units: a.units * b.units, scale: a.scale + b.scale };
}

export function plus(a: Fixed, b: Fixed): Fixed {
  const scale = Math.max(a.scale, b.scale);
  return { units: unitsAt(a, scale) + unitsAt(b, scale), scale };
}

export function minus(a: Fixed, b: Fixed): Fixed {
  const scale = Math.max(a.scale, b.scale);
  return { units: unitsAt(a, scale) - unitsAt(b, scale), scale };
}

/** Sum of values (0 for none). */
export function total(values: Iterable<Fixed>): Fixed {
  let sum = ZERO;
  for (const value of values) sum = plus(sum, value);
  return sum;
}

/** −1, 0 or 1 as a is less than, equal to or greater than b. */
export function compare(a: Fixed, b: Fixed): number {
  const scale = Math.max(a.scale, b.scale);
  const difference = unitsAt(a, scale) - unitsAt(b, scale);
  return difference < 0n ? -1 : difference > 0n ? 1 : 0;
}

/** Rounded to at most `places` decimal places, half to even (2.345 → 2.34, 2.355 → 2.36, −2.345 → −2.34). */
export function roundHalfEven(value: Fixed, places: number): Fixed {
  if (value.scale <= places) return value;
  const divisor = power(value.scale - places);
  let quotient = value.units / divisor; // towards zero
  const remainder = value.units % divisor;
  const twice = (remainder < 0n ? -remainder : remainder) * 2n;
  if (twice > divisor || (twice === divisor && quotient % 2n !== 0n)) quotient += value.units < 0n ? -1n : 1n;
  return { units: quotient, scale: places };
}

/** Writes |units| at `scale` as digits with a decimal point (no point at scale 0), with a minus sign when negative. */
function write(units: bigint, scale: number): string {
  const negative = units < 0n;
  const digits = (negative ? -units : units).toString().padStart(scale + 1, '0');
  const text = scale ? `${digits.slice(0, -scale)}.${digits.slice(-scale)}` : digits;
  return negative ? `-${text}` : text;
}

/** Exactly `places` decimal places, half to even: "105.00". Never a negative zero ("-0.001" at 2 places is "0.00"). */
export function fixedText(value: Fixed, places: number): string {
  const rounded = roundHalfEven(value, places);
  return write(unitsAt(rounded, places), places);
}

/** At most `places` decimal places, half to even, trailing zeros dropped, but at least `minPlaces`: "10", "0.5", "189.50". */
export function trimmedText(value: Fixed, places: number, minPlaces = 0): string {
  const rounded = roundHalfEven(value, places);
  let { units, scale } = rounded;
  while (scale > minPlaces && units % 10n === 0n) {
    units /= 10n;
    scale -= 1;
  }
  return scale < minPlaces ? write(unitsAt({ units, scale }, minPlaces), minPlaces) : write(units, scale);
}

/**
 * part / whole × 100 with `places` decimal places, half to even; "0.00" when the whole is zero. Exact: the quotient in
 * units of the last place and its remainder decide the rounding, with no intermediate rounding of the quotient.
 */
export function percentText(part: Fixed, whole: Fixed, places: number): string {
  if (whole.units === 0n) return fixedText(ZERO, places);
  const scale = Math.max(part.scale, whole.scale);
  const numerator = unitsAt(part, scale) * power(2 + places);
  const denominator = unitsAt(whole, scale);
  const negative = numerator < 0n !== denominator < 0n;
  const n = numerator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  let quotient = n / d;
  const twiceRemainder = (n % d) * 2n;
  if (twiceRemainder > d || (twiceRemainder === d && quotient % 2n === 1n)) quotient += 1n;
  return write(negative ? -quotient : quotient, places);
}
