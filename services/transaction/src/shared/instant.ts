import { z } from 'zod';

const dateTime = z.iso.datetime({ offset: true });
const dateOnly = z.iso.date();

/** An ISO-8601 instant as accepted on input: a date-time with Z or an offset, or a plain date (midnight UTC). */
export interface Instant {
  date: Date;
  dateOnly: boolean;
}

/** Parses an ISO-8601 date-time (with zone) or date; undefined when it is neither. */
export function parseInstant(raw: string): Instant | undefined {
  if (dateTime.safeParse(raw).success) {
    const date = new Date(raw);
    return Number.isNaN(date.getTime()) ? undefined : { date, dateOnly: false };
  }
  if (dateOnly.safeParse(raw).success) return { date: new Date(`${raw}T00:00:00.000Z`), dateOnly: true };
  return undefined;
}

export { INSTANT_HINT } from '@ledgerline/api-schemas';
