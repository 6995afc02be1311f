import { z } from 'zod';

/**
 * An instrument's ticker, the one rule every service applies. Stored and answered as 1–12 upper-case letters,
 * digits, "." or "-" ("AAPL", "BRK.B"); accepted from clients in any case and with surrounding white space, which
 * is trimmed and upper-cased before use ("  brk.b " is "BRK.B"). JavaScript's `\s` and `String.prototype.trim`
 * cover the same characters, so the input pattern says exactly what normalisation accepts.
 */
export const SYMBOL = /^[A-Z0-9.-]{1,12}$/;
export const SYMBOL_INPUT = /^\s*[A-Za-z0-9.-]{1,12}\s*$/;
export const SYMBOL_RULE = 'Use 1–12 letters, digits, "." or "-", such as "AAPL" or "BRK.B" (any case).';
export const normaliseSymbol = (raw: string) => raw.trim().toUpperCase();

/** A ticker as a client sends it (body, path or query), normalised to the stored form. */
export const symbolInput = z
  .string({ error: 'Symbol is required.' })
  .regex(SYMBOL_INPUT, SYMBOL_RULE)
  .transform(normaliseSymbol)
  .meta({ description: 'A ticker: 1–12 letters, digits, "." or "-", any case, surrounding white space ignored; normalised to upper case ("brk.b" is "BRK.B").' });

/** A ticker as the API answers it. */
export const symbol = z.string().regex(SYMBOL).meta({ description: 'A ticker: 1–12 upper-case letters, digits, "." or "-".' });
