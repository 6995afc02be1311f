import { z } from 'zod';
import { AppError, type FieldError } from '@ledgerline/http-kit';
import { ServiceClient } from '@ledgerline/service-client';
import { TRADE_NOT_APPLIED, type ApplyTradeRequest, type ApplyTradeResult, type BatchOutcome, type CallContext, type PortfolioClient, type TradeToApply } from './trade-api.ts';
import { tolerant } from '@ledgerline/api-schemas';
import { applyTradeResult, type ApplyTradeBatchItem } from '@ledgerline/api-schemas/internal';

export const DEFAULT_PORTFOLIO_TIMEOUT_MS = 3000;

/** The 200 body of both internal routes, as the client accepts it (fields it does not know are dropped: the caller stores it). */
const applyTradeResultSchema = tolerant(applyTradeResult, 'drop');

const problemSchema = z.looseObject({
  code: z.string().min(1).optional(),
  title: z.string().optional(),
  detail: z.string().optional(),
  errors: z.array(z.object({ field: z.string(), code: z.string(), message: z.string() })).optional(),
});

/** The 200 body of a batch: one answer per trade, each read as the single apply's answer would be. */
const batchAnswersSchema = z.object({ results: z.array(z.looseObject({ status: z.number().int(), result: z.unknown().optional(), problem: z.unknown().optional() })) });

const unavailable = (detail: string) => new AppError(503, 'portfolio_unavailable', 'Service unavailable', { detail });
const badResponse = (detail: string) => new AppError(502, 'portfolio_bad_response', 'Bad gateway', { detail });

function parseJson(text: string): unknown {
  try {
    return text ? JSON.parse(text) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The portfolio service's internal trade API over HTTP (ServiceClient's keep-alive pool, base URL injected).
 * Failures become AppErrors: a 4xx problem is re-thrown as it is (status, code, detail, field errors),
 * connection failures and 5xx are 503 portfolio_unavailable, no answer in time is 504 portfolio_timeout,
 * a 200 of the wrong shape is 502 portfolio_bad_response.
 */
export class HttpPortfolioClient implements PortfolioClient {
  readonly baseUrl: string;
  readonly timeoutMs: number;
  readonly #http: ServiceClient;

  constructor(options: { baseUrl: string; timeoutMs?: number }) {
    this.#http = new ServiceClient({ service: 'portfolio', baseUrl: options.baseUrl, timeoutMs: options.timeoutMs ?? DEFAULT_PORTFOLIO_TIMEOUT_MS });
    this.baseUrl = this.#http.baseUrl;
    this.timeoutMs = this.#http.timeoutMs;
  }

  /** Closes the keep-alive connections to the portfolio service. */
  close(): Promise<void> {
    return this.#http.close();
  }

  /** Applies one trade to a portfolio on behalf of the user named by the on-behalf-of token in `ctx`. */
  async applyTrade(request: ApplyTradeRequest, ctx: CallContext): Promise<ApplyTradeResult> {
    const { portfolioId, ...body } = request;
    const { status, json } = await this.#call('POST', `/internal/portfolios/${encodeURIComponent(portfolioId)}/trades`, ctx, body);
    if (status >= 400) throw refusal(status, json);
    return this.#result(status, json, request.transactionId, portfolioId);
  }

  /**
   * Applies several trades in one call (POST /internal/trade-batches), each for the user of its own on-behalf-of
   * token: its result, or the refusal applyTrade would have thrown for it, in the order given. The call's own
   * failures (no answer in time, the service down, an answer of the wrong shape) are thrown as by applyTrade, and
   * then say nothing of any trade: each may or may not have been applied.
   */
  async applyTrades(trades: TradeToApply[]): Promise<BatchOutcome[]> {
    if (!trades.length) return [];
    const items: ApplyTradeBatchItem[] = trades.map(({ request, ctx }) => ({ ...request, onBehalfOf: ctx.accessToken }));
    // The header carries the first trade's token and request id: the route accepts only the transaction service's tokens.
    const { status, json } = await this.#call('POST', '/internal/trade-batches', trades[0].ctx, { trades: items });
    if (status !== 200) throw badResponse(`The portfolio service refused the batch (HTTP ${status}).`);
    const answers = batchAnswersSchema.safeParse(json);
    if (!answers.success || answers.data.results.length !== trades.length) throw badResponse('The portfolio service sent a batch answer of an unexpected shape.');
    return answers.data.results.map((answer, i): BatchOutcome => {
      const { request } = trades[i];
      if (answer.status >= 500) return { error: unavailable(`The portfolio service failed (HTTP ${answer.status}).`) };
      if (answer.status >= 400) return { error: refusal(answer.status, answer.problem) };
      try {
        return { result: this.#result(answer.status, answer.result, request.transactionId, request.portfolioId) };
      } catch (error) {
        return { error: error as AppError };
      }
    });
  }

  /** The stored result of an applied transaction id, or null when the portfolio service never applied it (404). */
  async tradeStatus(transactionId: string, ctx: CallContext): Promise<ApplyTradeResult | null> {
    const { status, json } = await this.#call('GET', `/internal/trades/${encodeURIComponent(transactionId)}`, ctx);
    if (status === 404 && problemSchema.safeParse(json).data?.code === TRADE_NOT_APPLIED) return null;
    if (status >= 400) throw refusal(status, json);
    return this.#result(status, json, transactionId);
  }

  async #call(method: 'GET' | 'POST', path: string, ctx: CallContext, body?: unknown): Promise<{ status: number; json: unknown }> {
    // The shared pooled keep-alive transport with its deadline timer; a timeout is 504 portfolio_timeout, a refused
    // or reset connection 503 portfolio_unavailable. Statuses are mapped here: this API's are not ServiceClient's.
    const { status, text } = await this.#http.exchange({ method, path, body, ctx });
    if (status >= 500) throw unavailable(`The portfolio service failed (HTTP ${status}).`);
    return { status, json: parseJson(text) };
  }

  #result(status: number, json: unknown, transactionId: string, portfolioId?: string): ApplyTradeResult {
    if (status !== 200) throw badResponse(`The portfolio service answered HTTP ${status}.`);
    const parsed = applyTradeResultSchema.safeParse(json);
    if (!parsed.success) throw badResponse('The portfolio service sent a response of an unexpected shape.');
    if (parsed.data.transactionId !== transactionId || (portfolioId !== undefined && parsed.data.portfolioId !== portfolioId)) {
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
