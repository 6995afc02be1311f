import { Pool } from 'undici';
import { z } from 'zod';
import { AppError, REQUEST_ID_HEADER, type FieldError } from '@ledgerline/http-kit';

/** Who the call is made for: the end user's bearer token and the request id to forward. */
export interface CallContext {
  accessToken?: string;
  requestId?: string;
}

export interface ServiceClientOptions {
  /** The upstream's name, used in error codes (`portfolio_unavailable`) and messages. */
  service: string;
  baseUrl: string;
  timeoutMs?: number;
  /**
   * A fetch to send through instead of the client's own keep-alive connection pool (undici `Pool`, one per
   * client, made lazily): for tests that need to fail the transport itself.
   */
  fetch?: typeof fetch;
}

export interface ServiceRequest {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  query?: Record<string, string | number | boolean | undefined>;
  body?: unknown;
  headers?: Record<string, string | undefined>;
  ctx?: CallContext;
}

export interface ServiceResponse<T> {
  status: number;
  headers: Headers;
  body: T;
}

/** What the transport hands back: status, headers and the whole body as text. */
export interface RawResponse {
  status: number;
  headers: Headers;
  text: string;
}

interface RawRequest {
  method: ServiceRequest['method'];
  headers: Record<string, string>;
  body: string | undefined;
  signal: AbortSignal;
}

function toHeaders(raw: Record<string, string | string[] | undefined>): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(raw)) {
    if (Array.isArray(value)) for (const v of value) headers.append(name, v);
    else if (value !== undefined) headers.set(name, value);
  }
  return headers;
}

const problemSchema = z.looseObject({
  code: z.string().optional(),
  title: z.string().optional(),
  detail: z.string().optional(),
  errors: z.array(z.object({ field: z.string(), code: z.string(), message: z.string() })).optional(),
});

const PASSED_HEADERS = ['retry-after', 'www-authenticate'];

function isTimeout(error: unknown): boolean {
  return error instanceof DOMException && (error.name === 'TimeoutError' || error.name === 'AbortError');
}

/**
 * JSON over HTTP to one Ledgerline service, with the failure mapping every caller relies on:
 * - a 4xx problem from the service is re-thrown with the same status, code, detail and field errors;
 * - a 503/504 problem from the service (its own upstream is down) is passed on as it is;
 * - connection refused/reset → 503 `<service>_unavailable`; no answer in time → 504 `<service>_timeout`;
 * - any other 5xx, or a body of the wrong shape → 502 `<service>_bad_response`.
 */
export class ServiceClient {
  readonly service: string;
  readonly baseUrl: string;
  readonly timeoutMs: number;
  readonly #fetch: typeof fetch | undefined;
  #pool: Pool | undefined;

  constructor(options: ServiceClientOptions) {
    this.service = options.service;
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.timeoutMs = options.timeoutMs ?? 5000;
    this.#fetch = options.fetch;
  }

  /**
   * Sends through a keep-alive connection pool to the service's origin (undici's `Pool` and `request`: no
   * WHATWG fetch/streams machinery per call), or through the injected fetch.
   */
  async #transport(url: URL, init: RawRequest): Promise<RawResponse> {
    if (this.#fetch) {
      const response = await this.#fetch(url, init);
      return { status: response.status, headers: response.headers, text: await response.text() };
    }
    this.#pool ??= new Pool(url.origin, { keepAliveTimeout: 4_000 });
    const response = await this.#pool.request({ path: url.pathname + url.search, method: init.method, headers: init.headers, body: init.body, signal: init.signal });
    return { status: response.statusCode, headers: toHeaders(response.headers), text: await response.body.text() };
  }

  /** Closes the connection pool (open connections end; a later call opens a new pool). */
  async close(): Promise<void> {
    const pool = this.#pool;
    this.#pool = undefined;
    await pool?.close();
  }

  /** Sends a request; returns status, headers and the parsed JSON body (undefined for an empty body). */
  async send(request: ServiceRequest): Promise<ServiceResponse<unknown>> {
    const response = await this.exchange(request);
    const body = this.#parse(response.text, response.status);
    if (response.status >= 400) throw this.#failure(response, body);
    return { status: response.status, headers: response.headers, body };
  }

  /**
   * Sends a request and hands back a successful JSON body as the service sent it — not parsed, validated or
   * re-serialised — for a caller that only passes it on (the gateway): for a page of history that work cost more
   * than the call itself. Failures are mapped exactly as by send(); a 2xx that is not JSON is a 502. The body's
   * shape is the provider's promise, proved by its contract verification rather than checked on every call.
   */
  async relay(request: ServiceRequest): Promise<ServiceResponse<string>> {
    const response = await this.exchange(request);
    if (response.status >= 400) throw this.#failure(response, this.#parse(response.text, response.status));
    if (!/^application\/json\b/.test(response.headers.get('content-type') ?? '') || !response.text) {
      throw this.#badResponse(`The ${this.service} service sent a body that is not JSON.`);
    }
    return { status: response.status, headers: response.headers, body: response.text };
  }

  /**
   * Sends a request; the raw answer (status, headers, body text) whatever its status, or the 503/504 of a transport
   * failure: for a client that maps the statuses of its service itself (the transaction service's trade client).
   */
  async exchange(request: ServiceRequest): Promise<RawResponse> {
    const url = new URL(this.baseUrl + request.path);
    for (const [key, value] of Object.entries(request.query ?? {})) {
      if (value !== undefined && value !== '') url.searchParams.set(key, String(value));
    }
    const headers: Record<string, string> = { accept: 'application/json, application/problem+json' };
    if (request.body !== undefined) headers['content-type'] = 'application/json';
    if (request.ctx?.accessToken) headers.authorization = `Bearer ${request.ctx.accessToken}`;
    if (request.ctx?.requestId) headers[REQUEST_ID_HEADER] = request.ctx.requestId;
    for (const [key, value] of Object.entries(request.headers ?? {})) if (value !== undefined) headers[key.toLowerCase()] = value;

    // The deadline covers the whole exchange, body included. A timer cleared when the call ends, not
    // AbortSignal.timeout: that one stays armed after the answer and, firing seconds later for every call, builds a
    // DOMException each time; with its weak references it cost the gateway about 0.04 ms of CPU per proxied request
    // (perf/README.md, fifth round).
    const deadline = new AbortController();
    const timer = setTimeout(() => deadline.abort(new DOMException(`No answer within ${this.timeoutMs} ms.`, 'TimeoutError')), this.timeoutMs);
    try {
      return await this.#transport(url, {
        method: request.method,
        headers,
        body: request.body === undefined ? undefined : JSON.stringify(request.body),
        signal: deadline.signal,
      });
    } catch (error) {
      if (isTimeout(error)) {
        throw new AppError(504, `${this.service}_timeout`, 'Gateway timeout', { detail: `The ${this.service} service did not answer within ${this.timeoutMs} ms.`, cause: error });
      }
      throw new AppError(503, `${this.service}_unavailable`, 'Service unavailable', { detail: `The ${this.service} service is unavailable.`, cause: error });
    } finally {
      clearTimeout(timer);
    }
  }

  /** Sends a request and validates the JSON body against `schema` (a wrong shape is a 502). */
  async json<S extends z.ZodType>(schema: S, request: ServiceRequest): Promise<ServiceResponse<z.output<S>>> {
    const response = await this.send(request);
    const parsed = schema.safeParse(response.body);
    if (!parsed.success) throw this.#badResponse(`The ${this.service} service sent a response of an unexpected shape.`);
    return { ...response, body: parsed.data };
  }

  #parse(text: string, status: number): unknown {
    if (!text) return undefined;
    try {
      return JSON.parse(text);
    } catch {
      if (status >= 500) return undefined;
      throw this.#badResponse(`The ${this.service} service sent a body that is not JSON.`);
    }
  }

  #badResponse(detail: string): AppError {
    return new AppError(502, `${this.service}_bad_response`, 'Bad gateway', { detail });
  }

  #failure(response: RawResponse, body: unknown): AppError {
    const problem = problemSchema.safeParse(body);
    const passHeaders = Object.fromEntries(PASSED_HEADERS.flatMap((name) => (response.headers.get(name) ? [[name, response.headers.get(name)!]] : [])));
    const isProblem = problem.success && problem.data.code;
    if (response.status < 500 || ((response.status === 503 || response.status === 504) && isProblem)) {
      const data = problem.success ? problem.data : {};
      return new AppError(response.status, data.code ?? `${this.service}_error`, data.title ?? 'Upstream error', {
        detail: data.detail,
        errors: data.errors as FieldError[] | undefined,
        headers: Object.keys(passHeaders).length ? passHeaders : undefined,
      });
    }
    return new AppError(502, `${this.service}_bad_response`, 'Bad gateway', { detail: `The ${this.service} service failed (HTTP ${response.status}).` });
  }
}
