import test from 'ava';
import { ApiError } from '../api/api-error.ts';
import { errorMessage, loginErrorMessage, tradeErrorMessage } from './messages.ts';
import { fieldError, unclaimedErrors } from './form-errors.ts';

const error = (status: number, code: string, detail = '', retryAfterSeconds?: number) => new ApiError({ status, code, detail, retryAfterSeconds });

test('login failures say what happened in plain words', (t) => {
  t.is(loginErrorMessage(error(401, 'invalid_credentials', 'Email or password is wrong.')), 'The email or password is incorrect.');
  t.is(loginErrorMessage(error(403, 'account_inactive', 'Inactive.')), 'This account has been deactivated. Please contact your adviser.');
  t.is(loginErrorMessage(error(429, 'too_many_requests', 'Slow down.', 30)), 'Too many login attempts. Please try again in 30 seconds.');
  t.is(loginErrorMessage(error(0, 'network_error', 'Cannot reach Ledgerline.')), 'Cannot reach Ledgerline.');
});

test('a refused trade shows the server\'s reason; an outage says a retry is safe', (t) => {
  t.is(tradeErrorMessage(error(409, 'insufficient_quantity', 'Cannot sell more than held.')), 'Cannot sell more than held.');
  t.is(tradeErrorMessage(error(409, 'insufficient_quantity')), 'You cannot sell more than you hold.');
  t.regex(tradeErrorMessage(error(503, 'portfolio_unavailable', 'The portfolio service is unavailable.')), /unavailable\. You can safely submit again/);
});

test('field errors are found by field, including nested paths, and the rest are listed', (t) => {
  const errors = { email: 'Taken.', 'investmentProfile.goals.1': 'Duplicate goal.', 'investmentProfile.horizonYears': 'Too long.', extra: 'Unknown field.' };
  t.is(fieldError(errors, 'email'), 'Taken.');
  t.is(fieldError(errors, 'investmentProfile.goals'), 'Duplicate goal.');
  t.is(fieldError(errors, 'password'), undefined);
  t.deepEqual(unclaimedErrors(errors, ['email', 'investmentProfile.goals', 'investmentProfile.horizonYears']), ['extra: Unknown field.']);
});

test('every message the UI writes itself, once per case: each fallback, a limit without Retry-After, anything that is no API error', (t) => {
  t.is(loginErrorMessage(error(401, 'unauthorized', 'Send a token.')), 'The email or password is incorrect.', 'any 401 at login reads as wrong credentials');
  t.is(loginErrorMessage(error(429, 'too_many_requests', 'Slow down.')), 'Too many login attempts. Please wait a moment and try again.');
  t.is(loginErrorMessage(error(422, 'validation_failed', 'One or more fields are invalid.')), 'One or more fields are invalid.');
  t.is(tradeErrorMessage(error(409, 'insufficient_cash')), 'There is not enough cash in the portfolio for this.');
  t.is(tradeErrorMessage(error(422, 'unknown_symbol')), 'That symbol is not a known instrument.');
  t.is(tradeErrorMessage(error(409, 'something_new')), 'The transaction was not recorded.');
  t.is(tradeErrorMessage(error(504, 'portfolio_timeout')), 'The transaction was not recorded. You can safely submit again: it will not be recorded twice.');
  t.is(tradeErrorMessage(error(0, 'network_error', 'Cannot reach Ledgerline.')), 'Cannot reach Ledgerline. You can safely submit again: it will not be recorded twice.');
  t.is(tradeErrorMessage(error(502, 'portfolio_bad_response', 'The portfolio service failed (HTTP 500).')), 'The portfolio service failed (HTTP 500).', 'a 502 is not called safe to retry');
  for (const thrown of [new Error('boom'), 'text', undefined]) {
    t.is(loginErrorMessage(thrown), 'Something went wrong. Please try again.');
    t.is(tradeErrorMessage(thrown), 'Something went wrong. Please try again.');
    t.is(errorMessage(thrown), 'Something went wrong. Please try again.');
  }
  t.is(errorMessage(error(404, 'not_found', 'Portfolio was not found.')), 'Portfolio was not found.');
});
