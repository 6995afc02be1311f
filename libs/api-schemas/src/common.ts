import { z } from 'zod';

/** A decimal on the wire: a string of digits with an optional sign and fraction ("105.00", "-3.50", "0.123456"). */
export const decimalString = z.string().regex(/^-?\d+(\.\d+)?$/).meta({ examples: ['105.00'] });
/** An instant, ISO 8601 in UTC ("2026-11-30T18:42:00.000Z"). */
export const timestamp = z.iso.datetime();
export const uuid = z.uuid();

/** Cursor pagination: the next page's cursor, or null on the last page. */
export const nextCursor = z.string().nullable();

/** A field at fault in a 400/422 problem. */
export const fieldError = z.object({ field: z.string(), code: z.string(), message: z.string() });

/** Every error answer (RFC 9457, `application/problem+json`): a stable `code` to branch on, a human `detail`. */
export const problem = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    code: z.string(),
    detail: z.string().optional(),
    instance: z.string().optional(),
    requestId: z.string().optional(),
    errors: z.array(fieldError).optional(),
  })
  .meta({ id: 'Problem' });
export type Problem = z.output<typeof problem>;
