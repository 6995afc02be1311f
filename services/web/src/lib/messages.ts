import { ApiError } from '../api/api-error.ts';

export const LOGIN_MESSAGES = {
  invalidCredentials: 'The email or password is incorrect.',
  inactive: 'This account has been deactivated. Please contact your adviser.',
  loggedOut: 'You have been logged out.',
} as const;

/** What the login screen says for a failed login. */
export function loginErrorMessage(error: unknown): string {
  if (!(error instanceof ApiError)) return 'Something went wrong. Please try again.';
  if (error.code === 'invalid_credentials' || (error.status === 401 && error.code !== 'network_error')) return LOGIN_MESSAGES.invalidCredentials;
  if (error.code === 'account_inactive') return LOGIN_MESSAGES.inactive;
  if (error.status === 429) {
    return error.retryAfterSeconds ? `Too many login attempts. Please try again in ${error.retryAfterSeconds} seconds.` : 'Too many login attempts. Please wait a moment and try again.';
  }
  return error.detail;
}

const TRADE_FALLBACK: Record<string, string> = {
  insufficient_quantity: 'You cannot sell more than you hold.',
  insufficient_cash: 'There is not enough cash in the portfolio for this.',
  unknown_symbol: 'That symbol is not a known instrument.',
};

/** What the trade form says for a refused or failed transaction (the server's detail when it gave one). */
export function tradeErrorMessage(error: unknown): string {
  if (!(error instanceof ApiError)) return 'Something went wrong. Please try again.';
  const base = error.detail || TRADE_FALLBACK[error.code] || 'The transaction was not recorded.';
  return error.retryable ? `${base} You can safely submit again: it will not be recorded twice.` : base;
}

/** A general message for any failed call. */
export function errorMessage(error: unknown): string {
  return error instanceof ApiError ? error.detail : 'Something went wrong. Please try again.';
}
