import test from 'ava';
import { ApiError } from '../api/api-error.ts';
import { newUuid, SubmissionKeys } from './submission-key.ts';

const counter = () => {
  let n = 0;
  return () => `key-${++n}`;
};
const failure = (status: number) => new ApiError({ status, code: `http_${status}`, detail: 'x' });

test('every successful submission gets a fresh key', (t) => {
  const keys = new SubmissionKeys(counter());
  const body = { type: 'deposit', amount: '10.00' };
  t.is(keys.keyFor(body), 'key-1');
  keys.settle();
  t.is(keys.keyFor(body), 'key-2', 'the same deposit again on purpose is a new transaction');
});

test('retrying the same request after a 503, a 504 or a network failure reuses its key', (t) => {
  const keys = new SubmissionKeys(counter());
  const body = { type: 'buy', symbol: 'AAPL', quantity: '1', price: '1' };
  t.is(keys.keyFor(body), 'key-1');
  keys.settle(failure(503));
  t.is(keys.keyFor({ ...body }), 'key-1');
  keys.settle(failure(504));
  t.is(keys.keyFor(body), 'key-1');
  keys.settle(failure(0));
  t.is(keys.keyFor(body), 'key-1');
  keys.settle();
  t.is(keys.keyFor(body), 'key-2');
});

test('a changed request or a refusal gets a new key', (t) => {
  const keys = new SubmissionKeys(counter());
  t.is(keys.keyFor({ amount: '10.00' }), 'key-1');
  keys.settle(failure(503));
  t.is(keys.keyFor({ amount: '11.00' }), 'key-2', 'edited after the outage: a different transaction');
  keys.settle(failure(409));
  t.is(keys.keyFor({ amount: '11.00' }), 'key-3');
});

test('generated keys are v4 UUIDs and differ', (t) => {
  const a = newUuid();
  t.regex(a, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  t.not(a, newUuid());
});
