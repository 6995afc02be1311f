import test from 'ava';
import { decodeCursor, encodeCursor } from './history-cursor.ts';

test('a cursor round-trips and is opaque base64url', (t) => {
  const cursor = { executedAt: new Date('2026-05-01T10:00:00.123Z'), id: '3f2b1c4d-1a2b-8c3d-9e4f-0123456789ab' };
  const token = encodeCursor(cursor);
  t.regex(token, /^[A-Za-z0-9_-]+$/);
  t.deepEqual(decodeCursor(token), cursor);
});

test('anything that is not a cursor decodes to undefined', (t) => {
  const b64 = (value: unknown) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');
  for (const token of ['', 'abc', 'a+b/c=', b64('{"a":1}'), b64([1, 2]), b64(['2026-05-01', 'x']), b64(['2026-05-01T10:00:00.000Z', '']), b64(['2026-05-01T10:00:00.000Z', 'x', 'y']), b64('not json'), 'x'.repeat(201)]) {
    t.is(decodeCursor(token), undefined, token);
  }
});
