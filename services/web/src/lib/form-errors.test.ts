import test from 'ava';
import { ApiError } from '../api/api-error.ts';
import { fieldError, formFailure } from './form-errors.ts';

test('a refusal keeps its field errors for the fields, and lists the ones no field shows in the message', (t) => {
  const refusal = new ApiError({ status: 422, code: 'validation_failed', detail: 'Validation failed.', errors: [
    { field: 'price', code: 'too_small', message: 'Must be more than 0.' },
    { field: 'currency', code: 'invalid', message: 'Unknown currency.' },
  ] });
  const { fieldErrors, message } = formFailure(refusal, ['price']);
  t.is(fieldErrors.price, 'Must be more than 0.');
  t.is(message, 'Validation failed. currency: Unknown currency.');
});

test('a failure that is not an API answer has no field errors and a general message', (t) => {
  t.deepEqual(formFailure(new Error('boom'), ['price']), { fieldErrors: {}, message: 'Something went wrong. Please try again.' });
});

test('a nested field error is shown on its parent field', (t) => {
  t.is(fieldError({ 'investmentProfile.goals.1': 'Unknown goal.' }, 'investmentProfile.goals'), 'Unknown goal.');
});
