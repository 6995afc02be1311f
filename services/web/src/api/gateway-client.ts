import { ApiError, errorFromResponse, networkError } from './api-error.ts';
import { queryString } from './query-string.ts';
import { Session, SESSION_EXPIRED_MESSAGE } from './session.ts';
import type {
  CreatePortfolioRequest, Credentials, Holding, HoldingList, Instrument, InstrumentQuery, OpenPositionRequest, PasswordPolicy,
  Performance, Portfolio, PortfolioList, RecordTransactionRequest, RegisterRequest, TokenPair, Transaction, TransactionPage,
  TransactionQuery, UpdateMeRequest, UpdatePortfolioRequest, User,
} from '@ledgerline/api-schemas';

export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

export interface GatewayClientOptions {
  /** Defaults to the global fetch. */
  fetch?: FetchLike;
  /** Where the tokens live; defaults to an in-memory session. */
  session?: Session;
}

interface Call {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  /** Path under /api/v1, already encoded, including any query string. */
  path: string;
  body?: unknown;
  headers?: Record<string, string>;
  /** true: send the access token, and on a 401 refresh once and retry once. */
  auth: boolean;
}

const API_PREFIX = '/api/v1';
const REFRESH_REFUSED = new Set([400, 401, 403, 404, 422]);
const segment = (value: string) => encodeURIComponent(value);

/** The ApiError every caller sees once the session could not be renewed. */
export function sessionExpiredError(): ApiError {
  return new ApiError({ status: 401, code: 'session_expired', detail: SESSION_EXPIRED_MESSAGE });
}

/**
 * Typed client of the Ledgerline gateway's public API (/api/v1). Authenticated calls carry the session's
 * access token; on a 401 the client refreshes the tokens once (shared by concurrent calls) and retries once.
 * When the refresh is refused the session expires: tokens are cleared and the session's listeners are told.
 */
export class GatewayClient {
  readonly session: Session;
  readonly #baseUrl: string;
  readonly #fetch: FetchLike;
  #refreshing: Promise<string> | null = null;

  constructor(baseUrl: string, options: GatewayClientOptions = {}) {
    this.#baseUrl = baseUrl.replace(/\/+$/, '');
    this.#fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
    this.session = options.session ?? new Session();
  }

  // ---- auth --------------------------------------------------------------------------------------

  /** GET /auth/password-policy: the rules a new password must meet. */
  passwordPolicy(): Promise<PasswordPolicy> {
    return this.#call({ method: 'GET', path: '/auth/password-policy', auth: false });
  }

  /** POST /auth/register → the new user (not signed in). */
  register(body: RegisterRequest): Promise<User> {
    return this.#call({ method: 'POST', path: '/auth/register', body, auth: false });
  }

  /** POST /auth/login; on success the tokens are kept in the session. */
  async login(credentials: Credentials): Promise<TokenPair> {
    const pair = await this.#call<TokenPair>({ method: 'POST', path: '/auth/login', body: { email: credentials.email, password: credentials.password }, auth: false });
    this.session.save(pair);
    return pair;
  }

  /**
   * POST /auth/refresh with the session's refresh token; the rotated pair replaces the old one — unless the session
   * ended while the refresh was on its way (the user logged out): a late answer does not sign them back in.
   */
  async refresh(): Promise<TokenPair> {
    const refreshToken = this.session.tokens?.refreshToken;
    if (!refreshToken) throw sessionExpiredError();
    const pair = await this.#call<TokenPair>({ method: 'POST', path: '/auth/refresh', body: { refreshToken }, auth: false });
    if (this.session.tokens?.refreshToken !== refreshToken) throw sessionExpiredError();
    this.session.save(pair);
    return pair;
  }

  /**
   * POST /auth/logout with the refresh token. The session's tokens are cleared first, whatever the answer: a call
   * still in flight that the server refuses once the session is revoked finds nobody signed in, and does not report
   * an expired session over the "logged out" the user asked for.
   */
  async logout(): Promise<void> {
    const refreshToken = this.session.tokens?.refreshToken;
    this.session.clear();
    if (refreshToken) await this.#call<void>({ method: 'POST', path: '/auth/logout', body: { refreshToken }, auth: false });
  }

  /** GET /auth/me: the signed-in user. */
  me(): Promise<User> {
    return this.#call({ method: 'GET', path: '/auth/me', auth: true });
  }

  /** PATCH /auth/me: change the full name and/or parts of the investment profile. */
  updateMe(body: UpdateMeRequest): Promise<User> {
    return this.#call({ method: 'PATCH', path: '/auth/me', body, auth: true });
  }

  /** POST /auth/users/:id/deactivate (admin only): the user can no longer log in and their live tokens stop working. */
  deactivateUser(id: string): Promise<User> {
    return this.#call({ method: 'POST', path: `/auth/users/${segment(id)}/deactivate`, auth: true });
  }

  // ---- portfolios --------------------------------------------------------------------------------

  /** GET /portfolios: the caller's own portfolios. */
  listPortfolios(): Promise<PortfolioList> {
    return this.#call({ method: 'GET', path: '/portfolios', auth: true });
  }

  /** POST /portfolios → 201 portfolio. */
  createPortfolio(body: CreatePortfolioRequest): Promise<Portfolio> {
    return this.#call({ method: 'POST', path: '/portfolios', body, auth: true });
  }

  /** GET /portfolios/:id (404 not_found for a missing or foreign one). */
  getPortfolio(id: string): Promise<Portfolio> {
    return this.#call({ method: 'GET', path: `/portfolios/${segment(id)}`, auth: true });
  }

  /** PATCH /portfolios/:id. */
  updatePortfolio(id: string, body: UpdatePortfolioRequest): Promise<Portfolio> {
    return this.#call({ method: 'PATCH', path: `/portfolios/${segment(id)}`, body, auth: true });
  }

  /** DELETE /portfolios/:id (409 portfolio_not_empty unless force). */
  deletePortfolio(id: string, options: { force?: boolean } = {}): Promise<void> {
    const query = options.force ? queryString({ force: 'true' }) : '';
    return this.#call({ method: 'DELETE', path: `/portfolios/${segment(id)}${query}`, auth: true });
  }

  /** GET /portfolios/:id/holdings. */
  async listHoldings(id: string): Promise<Holding[]> {
    const list = await this.#call<HoldingList>({ method: 'GET', path: `/portfolios/${segment(id)}/holdings`, auth: true });
    return list.items;
  }

  /** POST /portfolios/:id/holdings: enter an opening position directly. */
  openPosition(id: string, body: OpenPositionRequest): Promise<Holding> {
    return this.#call({ method: 'POST', path: `/portfolios/${segment(id)}/holdings`, body, auth: true });
  }

  /** GET /portfolios/:id/performance. */
  getPerformance(id: string): Promise<Performance> {
    return this.#call({ method: 'GET', path: `/portfolios/${segment(id)}/performance`, auth: true });
  }

  /** GET /instruments?q=&assetClass=: the tradable universe with last prices. */
  async listInstruments(query: InstrumentQuery = {}): Promise<Instrument[]> {
    const list = await this.#call<{ items: Instrument[] }>({
      method: 'GET', path: `/instruments${queryString({ q: query.q, assetClass: query.assetClass })}`, auth: true,
    });
    return list.items;
  }

  /** PUT /instruments/:symbol/price (admin only): set an instrument's last price; every portfolio holding it revalues. */
  updatePrice(symbol: string, price: string): Promise<Instrument> {
    return this.#call({ method: 'PUT', path: `/instruments/${segment(symbol)}/price`, body: { price }, auth: true });
  }

  // ---- transactions ------------------------------------------------------------------------------

  /** POST /transactions with the Idempotency-Key of this submission (reuse it when retrying the same one). */
  recordTransaction(body: RecordTransactionRequest, idempotencyKey: string): Promise<Transaction> {
    return this.#call({ method: 'POST', path: '/transactions', body, headers: { 'Idempotency-Key': idempotencyKey }, auth: true });
  }

  /** GET /transactions?portfolioId=&symbol=&type=&from=&to=&cursor=&limit= (blank filters left out). */
  listTransactions(query: TransactionQuery = {}): Promise<TransactionPage> {
    const { portfolioId, symbol, type, from, to, cursor, limit } = query;
    return this.#call({ method: 'GET', path: `/transactions${queryString({ portfolioId, symbol, type, from, to, cursor, limit })}`, auth: true });
  }

  /** GET /transactions/:id. */
  getTransaction(id: string): Promise<Transaction> {
    return this.#call({ method: 'GET', path: `/transactions/${segment(id)}`, auth: true });
  }

  // ---- plumbing ----------------------------------------------------------------------------------

  async #call<T>(call: Call): Promise<T> {
    if (!call.auth) return this.#read<T>(await this.#send(call, undefined));
    const token = this.session.tokens?.accessToken;
    const first = await this.#send(call, token);
    if (first.status !== 401) return this.#read<T>(first);
    await discard(first);
    const fresh = await this.#renewedToken(token);
    const retried = await this.#send(call, fresh);
    if (retried.status === 401) {
      await discard(retried);
      this.session.expire();
      throw sessionExpiredError();
    }
    return this.#read<T>(retried);
  }

  /** A valid access token after `stale` was refused: one refresh, shared by every caller waiting for it. */
  async #renewedToken(stale: string | undefined): Promise<string> {
    const current = this.session.tokens;
    // Nobody is signed in any more (logged out, or expired and told already, while this call was on its way).
    if (!current) throw sessionExpiredError();
    if (current.accessToken !== stale && !this.#refreshing) return current.accessToken;
    this.#refreshing ??= this.#refreshOrExpire().finally(() => {
      this.#refreshing = null;
    });
    return this.#refreshing;
  }

  async #refreshOrExpire(): Promise<string> {
    try {
      return (await this.refresh()).accessToken;
    } catch (error) {
      if (error instanceof ApiError && (error.code === 'session_expired' || REFRESH_REFUSED.has(error.status))) {
        this.session.expire();
        throw sessionExpiredError();
      }
      throw error;
    }
  }

  async #send(call: Call, accessToken: string | undefined): Promise<Response> {
    const headers: Record<string, string> = { Accept: 'application/json', ...call.headers };
    if (call.body !== undefined) headers['Content-Type'] = 'application/json';
    if (accessToken) headers.Authorization = `Bearer ${accessToken}`;
    const init: RequestInit = { method: call.method, headers };
    if (call.body !== undefined) init.body = JSON.stringify(call.body);
    try {
      return await this.#fetch(`${this.#baseUrl}${API_PREFIX}${call.path}`, init);
    } catch (error) {
      throw networkError(error);
    }
  }

  async #read<T>(response: Response): Promise<T> {
    let text: string;
    try {
      text = await response.text();
    } catch (error) {
      throw networkError(error);
    }
    if (!response.ok) {
      throw errorFromResponse(response.status, response.headers.get('content-type') ?? '', text, response.headers.get('retry-after'));
    }
    if (response.status === 204 || text === '') return undefined as T;
    try {
      return JSON.parse(text) as T;
    } catch {
      throw new ApiError({ status: response.status, code: 'bad_response', detail: 'The server answered unexpectedly. Please try again.' });
    }
  }
}

async function discard(response: Response): Promise<void> {
  try {
    await response.body?.cancel();
  } catch {
    // nothing to free
  }
}
