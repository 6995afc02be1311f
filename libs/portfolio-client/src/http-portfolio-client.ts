import { z } from 'zod';
import { AppError, REQUEST_ID_HEADER, type FieldError } from '@ledgerline/http-kit';
import type { ApplyTradeRequest, ApplyTradeResult, CallContext, PortfolioClient } from './trade-api.ts';
import { applyTradeResultSchema } from './trade-result.schema.ts';

export const DEFAULT_PORTFOLIO_TIMEOUT_MS = 3000;

const problemSchema = z.looseObject({
  code: z.string().min(1).optional(),
  title: z.string().optional(),
  detail: z.string().optional(),
  errors: z.array(z.object({ field: z.string(), code: z.string(), message: z.string() })).optional(),
});

const unavailable = (detail: string, cause?: unknown) =>
  new AppError(503, 'portfolio_unavailable', 'Service unavailable', { detail, cause });
const badResponse = (detail: string) => new AppError(502, 'portfolio_bad_response', 'Bad gateway', { detail });

function isTimeout(error: unknown): boolean {
  return error instanceof DOMException && (error.name === 'TimeoutError' || error.name === 'AbortError');
}

function parseJson(text: string): unknown {
  try {
    return text ? JSON.parse(text) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The portfolio service's internal trade endpoint over HTTP (global fetch, base URL injected).
 * Failures become AppErrors: a 4xx problem is re-thrown as it is (the user sees the portfolio's reason),
 * connection failures and 5xx are 503 portfolio_unavailable, no answer in time is 504 portfolio_timeout,
 * a 200 of the wrong shape is 502 portfolio_bad_response.
 */
export class HttpPortfolioClient implements PortfolioClient {
  readonly baseUrl: string;
  readonly timeoutMs: number;

  constructor(options: { baseUrl: string; timeoutMs?: number }) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.timeoutMs = options.timeoutMs ?? DEFAULT_PORTFOLIO_TIMEOUT_MS;
  }

  /** Applies one trade to a portfolio on behalf of the user whose token is in `ctx`. */
  async applyTrade(request: ApplyTradeRequest, ctx: CallContext): Promise<ApplyTradeResult> {
    const { portfolioId, ...body } = request;
    const headers: Record<string, string> = {
      accept: 'application/json, application/problem+json',
      'content-type': 'application/json',
      authorization: `Bearer ${ctx.accessToken}`,
    };
    if (ctx.requestId) headers[REQUEST_ID_HEADER] = ctx.requestId;
    let status: number;
    let text: string;
    try {
      const response = await fetch(`${this.baseUrl}/internal/portfolios/${encodeURIComponent(portfolioId)}/trades`, {
        method: 'POST',
        headers,
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      status = response.status;
      text = await response.text();
    } catch (error) {
      if (isTimeout(error)) {
        throw new AppError(504, 'portfolio_timeout', 'Gateway timeout', {
          detail: `The portfolio service did not answer within ${this.timeoutMs} ms.`,
          cause: error,
        });
      }
      throw unavailable('The portfolio service is unavailable. Nothing was recorded; try again.', error);
    }
    const json = parseJson(text);
    if (status >= 500) throw unavailable(`The portfolio service failed (HTTP ${status}). Nothing was recorded; try again.`);
    if (status >= 400) throw refusal(status, json);
    if (status !== 200) throw badResponse(`The portfolio service answered HTTP ${status}.`);
    const parsed = applyTradeResultSchema.safeParse(json);
    if (!parsed.success) throw badResponse('The portfolio service sent a response of an unexpected shape.');
    if (parsed.data.transactionId !== request.transactionId || parsed.data.portfolioId !== portfolioId) {
      throw badResponse('The portfolio service answered for another transaction.');
    }
    return parsed.data;
  }
}

/** A 4xx from the portfolio service, passed on with its status, code, detail and field errors. */
function refusal(status: number, json: unknown): AppError {
  const problem = problemSchema.safeParse(json);
  const data = problem.success ? problem.data : {};
  return new AppError(status, data.code ?? 'portfolio_refused', data.title ?? 'Refused by the portfolio service', {
    detail: data.detail,
    errors: data.errors as FieldError[] | undefined,
    headers: status === 401 ? { 'www-authenticate': 'Bearer' } : undefined,
  });
}
