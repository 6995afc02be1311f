import { validationFailed } from '@ledgerline/http-kit';

/** Opaque list cursor: base64url of [createdAt ISO, id]. */
export function encodeCursor(position: { createdAt: Date; id: string }): string {
  return Buffer.from(JSON.stringify([position.createdAt.toISOString(), position.id])).toString('base64url');
}

/** Reads a cursor made by encodeCursor; anything else is a 422 on the `cursor` field. */
export function decodeCursor(cursor: string): { createdAt: Date; id: string } {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === 2 && typeof value[0] === 'string' && typeof value[1] === 'string') {
      const createdAt = new Date(value[0]);
      if (!Number.isNaN(createdAt.getTime())) return { createdAt, id: value[1] };
    }
  } catch {
    // fall through to the 422 below
  }
  throw validationFailed([{ field: 'cursor', code: 'invalid_cursor', message: 'This cursor is not valid: use nextCursor from the previous page.' }]);
}
