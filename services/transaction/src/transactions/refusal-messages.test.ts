/** Every refusal of the transaction service's own, once per error code, with the message the user reads. */
import test from 'ava';
import { problem, problemOf } from '@ledgerline/test-kit';
import { randomUUID } from 'node:crypto';
import { createTransactionTestApp } from '../testing.ts';

test('transaction refusals: a reused key, a bad key, an unknown id, a body that is no transaction', async (t) => {
  const app = await createTransactionTestApp(t);
  const user = await app.signInWithPortfolio('100.00');
  const deposit = { portfolioId: user.portfolioId, type: 'deposit', amount: '5.00' };
  t.is((await app.record(user, deposit, 'key-1')).status, 201);
  t.deepEqual(problemOf(await app.record(user, { ...deposit, amount: '6.00' }, 'key-1')),
    problem(422, 'idempotency_key_reused', 'This Idempotency-Key was already used for a different request. Use a new key for a new transaction.'));
  const badKey = await app.record(user, deposit, 'no spaces allowed');
  t.deepEqual(problemOf(badKey), problem(422, 'validation_failed', 'The Idempotency-Key header is not valid.'));
  t.deepEqual(badKey.body.errors, [{ field: 'Idempotency-Key', code: 'invalid_idempotency_key', message: 'Use 1–100 characters A–Z, a–z, 0–9, "_", ".", ":" or "-".' }]);
  t.deepEqual(problemOf(await app.http.get(`/transactions/${randomUUID()}`).set('authorization', user.auth)), problem(404, 'not_found', 'Transaction was not found.'));
  const noFees = await app.record(user, { ...deposit, fees: '1.00' });
  t.deepEqual(problemOf(noFees), problem(422, 'validation_failed', 'One or more fields are invalid.'));
  t.deepEqual(noFees.body.errors, [{ field: 'fees', code: 'not_allowed', message: 'Fees apply to buys and sells; record a separate "fee" transaction.' }]);
});
