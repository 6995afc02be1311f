import type { TransactionStatus } from '@ledgerline/api-schemas';
import type { AppError, FieldError } from '@ledgerline/http-kit';

/**
 * The life of a recorded transaction: stored `pending` (the intent) before the portfolio service is asked, then
 * `completed` (applied, with its result) or `rejected` (refused for good, kept for audit). A pending one is finished
 * by the request that created it or, after an outage or timeout, by the reconciler.
 */
export { TRANSACTION_STATUSES, type TransactionStatus } from '@ledgerline/api-schemas';

/** What the history shows when no `status` filter is given: trades that count or will count. */
export const DEFAULT_HISTORY_STATUSES: readonly TransactionStatus[] = ['completed', 'pending'];

/** Why the portfolio service refused a transaction (its problem, kept for audit and replayed to the client). */
export interface TransactionRejection {
  status: number;
  code: string;
  title: string;
  detail: string | null;
  errors: FieldError[] | null;
}

/**
 * A definitive refusal is a 4xx about the trade itself (404 no such portfolio, 409 not enough cash or quantity,
 * 422 invalid). 401/403 mean our own service token was refused (a configuration fault), 408/429 are transient:
 * those, 5xx, outages, timeouts and bad answers leave the transaction pending, to be tried again.
 */
export function isDefinitiveRefusal(error: AppError): boolean {
  return error.status >= 400 && error.status < 500 && ![401, 403, 408, 429].includes(error.status);
}

export function rejectionOf(error: AppError): TransactionRejection {
  return { status: error.status, code: error.code, title: error.message, detail: error.detail ?? null, errors: error.errors?.length ? error.errors : null };
}
