import test from 'ava';
import { ApiError } from '../api/api-error.ts';
import { loginErrorMessage, tradeErrorMessage } from './messages.ts';
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
