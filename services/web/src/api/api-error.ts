/** One problem with one input field, as the gateway reports it (`field` is a dotted path). */
export interface FieldProblem {
  field: string;
  code: string;
  message: string;
}

export interface ApiErrorInit {
  status: number;
  code: string;
  detail: string;
  title?: string;
  errors?: FieldProblem[];
  retryAfterSeconds?: number;
}

/**
 * A failed call to the gateway: the problem+json answer (status, code, detail, per-field messages), or a
 * synthetic one for a network failure (status 0) or an answer that is not the expected JSON.
 */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly detail: string;
  readonly title: string;
  /** Every field problem as sent, in order (several may name the same field). */
  readonly errors: FieldProblem[];
  /** One message per field: messages for the same field joined as sentences. */
  readonly fieldErrors: Record<string, string>;
  readonly retryAfterSeconds?: number;

  constructor(init: ApiErrorInit) {
    super(init.detail);
    this.name = 'ApiError';
    this.status = init.status;
    this.code = init.code;
    this.detail = init.detail;
    this.title = init.title ?? init.detail;
    this.errors = init.errors ?? [];
    this.fieldErrors = toFieldErrors(this.errors);
    this.retryAfterSeconds = init.retryAfterSeconds;
  }

  /** True when the same request may simply be sent again (network failure, 503, 504). */
  get retryable(): boolean {
    return this.status === 0 || this.status === 503 || this.status === 504;
  }
}

/** Folds field problems into one message per field ("A. B", adding the full stop a message may lack). */
export function toFieldErrors(errors: FieldProblem[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const { field, message } of errors) {
    const before = out[field];
    out[field] = before ? `${before}${/[.!?]$/.test(before) ? '' : '.'} ${message}` : message;
  }
  return out;
}

const FALLBACK_DETAIL: Record<number, string> = {
  400: 'The request was not accepted.',
  401: 'Please log in.',
  403: 'You are not allowed to do that.',
  404: 'Not found.',
  409: 'The request conflicts with the current state.',
  422: 'Some fields are invalid.',
  429: 'Too many requests. Please wait a moment and try again.',
  502: 'A Ledgerline service answered unexpectedly. Please try again.',
  503: 'A Ledgerline service is unavailable right now. Please try again shortly.',
  504: 'A Ledgerline service took too long to answer. Please try again.',
};

/** The message to show for a status when the server gave no detail. */
export function fallbackDetail(status: number): string {
  return FALLBACK_DETAIL[status] ?? (status >= 500 ? 'Something went wrong on our side. Please try again.' : `The request failed (HTTP ${status}).`);
}

/** The ApiError for a fetch that never got an answer. */
export function networkError(cause: unknown): ApiError {
  const error = new ApiError({ status: 0, code: 'network_error', detail: 'Cannot reach Ledgerline. Check your connection and try again.' });
  (error as { cause?: unknown }).cause = cause;
  return error;
}

function isFieldProblem(value: unknown): value is FieldProblem {
  if (typeof value !== 'object' || value === null) return false;
  const item = value as Record<string, unknown>;
  return typeof item.field === 'string' && typeof item.message === 'string';
}

/** Builds the ApiError for a non-2xx response whose body (if any) was already read as text. */
export function errorFromResponse(status: number, contentType: string, text: string, retryAfter: string | null): ApiError {
  const retryAfterSeconds = retryAfter && /^\d+$/.test(retryAfter) ? Number(retryAfter) : undefined;
  let body: Record<string, unknown> | undefined;
  if (/json/i.test(contentType) && text) {
    try {
      const parsed: unknown = JSON.parse(text);
      if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) body = parsed as Record<string, unknown>;
    } catch {
      body = undefined;
    }
  }
  if (!body) return new ApiError({ status, code: `http_${status}`, detail: fallbackDetail(status), retryAfterSeconds });
  const errors = Array.isArray(body.errors)
    ? body.errors.filter(isFieldProblem).map((item) => ({ field: item.field, code: typeof item.code === 'string' ? item.code : 'invalid', message: item.message }))
    : [];
  return new ApiError({
    status,
    code: typeof body.code === 'string' ? body.code : `http_${status}`,
    detail: typeof body.detail === 'string' && body.detail ? body.detail : fallbackDetail(status),
    title: typeof body.title === 'string' ? body.title : undefined,
    errors,
    retryAfterSeconds,
  });
}
