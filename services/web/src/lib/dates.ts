/** "2026-05-01T00:00:00.000Z" → "2026-05-01"; any other instant → "2026-05-01 14:30 UTC" (from the text, no time zone maths). */
export function formatWhen(iso: string | null | undefined): string {
  if (!iso) return '';
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?(Z|[+-]\d{2}:?\d{2})$/.exec(iso);
  if (!match) return iso;
  const [, date, hours, minutes, seconds = '00', fraction = '0', zone] = match;
  if (zone !== 'Z') return `${date} ${hours}:${minutes} ${zone}`;
  const midnight = hours === '00' && minutes === '00' && seconds === '00' && /^0*$/.test(fraction);
  return midnight ? date : `${date} ${hours}:${minutes} UTC`;
}
