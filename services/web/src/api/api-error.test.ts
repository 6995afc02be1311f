import test from 'ava';
import { errorFromResponse, toFieldErrors } from './api-error.ts';

test('several messages for one field read as sentences', (t) => {
  t.deepEqual(toFieldErrors([
    { field: 'password', code: 'password_too_short', message: 'At least 12 characters' },
    { field: 'password', code: 'password_too_common', message: 'Not a commonly used password' },
    { field: 'email', code: 'invalid', message: 'Enter a valid email.' },
  ]), { password: 'At least 12 characters. Not a commonly used password', email: 'Enter a valid email.' });
});

test('a 429 carries Retry-After; a problem without detail gets a readable one', (t) => {
  const limited = errorFromResponse(429, 'application/problem+json', JSON.stringify({ status: 429, code: 'too_many_requests' }), '30');
  t.is(limited.code, 'too_many_requests');
  t.is(limited.retryAfterSeconds, 30);
  t.regex(limited.detail, /Too many requests/);
  const odd = errorFromResponse(500, 'application/json', '[1,2]', null);
  t.is(odd.code, 'http_500');
  t.regex(odd.detail, /went wrong/);
  const malformedErrors = errorFromResponse(422, 'application/problem+json', JSON.stringify({ code: 'validation_failed', errors: [{ nope: 1 }, { field: 'name', message: 'Required.' }] }), null);
  t.deepEqual(malformedErrors.fieldErrors, { name: 'Required.' });
  t.is(malformedErrors.errors[0].code, 'invalid');
});
