/** One problem with one input field: `field` is a dotted path such as `investmentProfile.horizonYears`. */
export interface FieldError {
  field: string;
  code: string;
  message: string;
}

export interface AppErrorOptions {
  detail?: string;
  errors?: FieldError[];
  headers?: Record<string, string>;
  cause?: unknown;
}

/**
 * A typed, expected error. `status` and `code` are part of the API; `expose` says the message may be
 * shown to the client. The error middleware is the only place that turns these into HTTP responses.
 */
export class AppError extends Error {
  readonly status: number;
  readonly code: string;
  readonly expose: boolean;
  readonly detail?: string;
  readonly errors?: FieldError[];
  readonly headers?: Record<string, string>;

  constructor(status: number, code: string, title: string, options: AppErrorOptions = {}) {
    super(title, { cause: options.cause });
    this.name = 'AppError';
    this.status = status;
    this.code = code;
    this.expose = status < 500;
    this.detail = options.detail;
    this.errors = options.errors;
    this.headers = options.headers;
  }
}

export const badRequest = (detail: string, errors?: FieldError[]) =>
  new AppError(400, 'bad_request', 'Bad request', { detail, errors });
export const validationFailed = (errors: FieldError[], detail = 'One or more fields are invalid.') =>
  new AppError(422, 'validation_failed', 'Validation failed', { detail, errors });
export const unauthorized = (detail = 'A valid access token is required.', code = 'unauthorized') =>
  new AppError(401, code, 'Unauthorized', { detail, headers: { 'www-authenticate': 'Bearer' } });
export const forbidden = (detail: string, code = 'forbidden') => new AppError(403, code, 'Forbidden', { detail });
export const notFound = (what: string) => new AppError(404, 'not_found', 'Not found', { detail: `${what} was not found.` });
export const conflict = (code: string, detail: string, errors?: FieldError[]) =>
  new AppError(409, code, 'Conflict', { detail, errors });
export const tooManyRequests = (detail: string, retryAfterSeconds: number) =>
  new AppError(429, 'too_many_requests', 'Too many requests', {
    detail,
    headers: { 'retry-after': String(Math.max(1, Math.ceil(retryAfterSeconds))) },
  });
export const serviceUnavailable = (code: string, detail: string) =>
  new AppError(503, code, 'Service unavailable', { detail });
export const gatewayTimeout = (code: string, detail: string) => new AppError(504, code, 'Gateway timeout', { detail });
