import test from 'ava';
import { deriveTransactionId } from './idempotency.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

test('the transaction id is a deterministic UUID (v8) of (user, key)', (t) => {
  const id = deriveTransactionId('user-1', 'key-1');
  t.regex(id, UUID);
  t.is(deriveTransactionId('user-1', 'key-1'), id);
  t.not(deriveTransactionId('user-2', 'key-1'), id);
  t.not(deriveTransactionId('user-1', 'key-2'), id);
  // no ambiguity from concatenation
  t.not(deriveTransactionId('user-1\nkey', '1'), deriveTransactionId('user-1', 'key\n1'));
});
