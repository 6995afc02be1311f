/**
 * Request building blocks shared by the scenarios. Each reads what it needs from autocannon's per-connection
 * context (token, portfolioId, cursor...) and its onResponse checks the body and writes what the next request
 * of the journey needs (a login's token, a list's portfolio ids, a page's nextCursor).
 */
import type { AutocannonRequest } from 'autocannon';
import type { Checker } from '../load/checks.ts';
import { authHeaders, isMoney, isPage, type Page } from './scenario.ts';

export type Ctx = Record<string, unknown>;
/** Runs first in setupRequest: chooses who and what this request is about (writes the context). */
export type Prepare = (ctx: Ctx) => void;

const token = (ctx: Ctx) => String(ctx.token ?? '');
const portfolioId = (ctx: Ctx) => String(ctx.portfolioId ?? '');
const get = (path: string, ctx: Ctx): Partial<AutocannonRequest> => ({ method: 'GET', path, headers: authHeaders(token(ctx)) });

/** POST /api/v1/auth/login for the user `email(ctx)` names; the token goes to ctx.token. */
export function loginRequest(check: Checker, email: (ctx: Ctx) => string, password: string): AutocannonRequest {
  return {
    method: 'POST',
    path: '/api/v1/auth/login',
    setupRequest: (request, ctx) => ({ ...request, headers: { 'content-type': 'application/json', accept: 'application/json' }, body: JSON.stringify({ email: email(ctx), password }) }),
    onResponse: (status, body, ctx) => {
      const json = check.json<{ accessToken: string; tokenType: string }>('login', status, body, (j) => typeof j.accessToken === 'string' && j.accessToken.split('.').length === 3 && j.tokenType === 'Bearer');
      if (json) ctx.token = json.accessToken;
    },
  };
}

/** GET /api/v1/portfolios; checks the count when ctx.expectPortfolios is set; the ids go to ctx.portfolioIds. */
export function listRequest(check: Checker, prepare?: Prepare): AutocannonRequest {
  return {
    method: 'GET',
    path: '/api/v1/portfolios',
    setupRequest: (request, ctx) => {
      prepare?.(ctx);
      return { ...request, ...get('/api/v1/portfolios', ctx) };
    },
    onResponse: (status, body, ctx) => {
      const expected = ctx.expectPortfolios as number | undefined;
      const json = check.json<Page<{ id: string; cash: string }>>('portfolio list', status, body, (j) =>
        isPage(j) && j.items.length > 0 && (expected === undefined || j.items.length === Math.min(expected, 50)) && j.items.every((p) => typeof p.id === 'string' && isMoney(p.cash)));
      if (json) ctx.portfolioIds = json.items.map((p) => p.id);
    },
  };
}

/** GET /api/v1/portfolios/:id/holdings; at least ctx.minOpen open positions (trades may have opened more). */
export function holdingsRequest(check: Checker, prepare?: Prepare): AutocannonRequest {
  return {
    method: 'GET',
    setupRequest: (request, ctx) => {
      prepare?.(ctx);
      return { ...request, ...get(`/api/v1/portfolios/${portfolioId(ctx)}/holdings`, ctx) };
    },
    onResponse: (status, body, ctx) => {
      const minOpen = (ctx.minOpen as number | undefined) ?? 0;
      check.json<Page<{ symbol: string; quantity: string; marketValue: string }>>('holdings', status, body, (j) =>
        isPage(j) && j.items.length >= minOpen && j.items.every((h) => typeof h.symbol === 'string' && isMoney(h.marketValue) && h.quantity !== '0'));
    },
  };
}

/** GET /api/v1/portfolios/:id/performance: the figures of the same portfolio. */
export function performanceRequest(check: Checker, prepare?: Prepare): AutocannonRequest {
  return {
    method: 'GET',
    setupRequest: (request, ctx) => {
      prepare?.(ctx);
      return { ...request, ...get(`/api/v1/portfolios/${portfolioId(ctx)}/performance`, ctx) };
    },
    onResponse: (status, body, ctx) => {
      check.json<{ portfolioId: string; marketValue: string; totalValue: string; allocation: { byHolding: unknown[] } }>('performance', status, body, (j) =>
        j.portfolioId === ctx.portfolioId && isMoney(j.marketValue) && isMoney(j.totalValue) && Array.isArray(j.allocation.byHolding));
    },
  };
}

export const HISTORY_PAGE = 20;

/**
 * GET /api/v1/transactions?portfolioId=&limit=20[&cursor=]: walks the portfolio's history page by page with
 * the previous page's nextCursor (ctx.cursor); checks the page belongs to the portfolio and continues the
 * newest-first order of the page before. `prepare` runs when a walk starts (no cursor yet, the last page seen,
 * or `fresh`: this request always starts a new walk).
 */
export function historyRequest(check: Checker, prepare?: Prepare, fresh = false): AutocannonRequest {
  return {
    method: 'GET',
    setupRequest: (request, ctx) => {
      if (fresh) ctx.cursor = undefined;
      if (!ctx.cursor) {
        prepare?.(ctx);
        ctx.lastExecutedAt = undefined;
      }
      const cursor = ctx.cursor ? `&cursor=${encodeURIComponent(String(ctx.cursor))}` : '';
      return { ...request, ...get(`/api/v1/transactions?portfolioId=${portfolioId(ctx)}&limit=${HISTORY_PAGE}${cursor}`, ctx) };
    },
    onResponse: (status, body, ctx) => {
      const after = ctx.lastExecutedAt as string | undefined;
      const json = check.json<Page<{ portfolioId: string; executedAt: string }>>('history', status, body, (j) =>
        isPage(j) && j.items.length <= HISTORY_PAGE && (j.nextCursor === null || typeof j.nextCursor === 'string') &&
        j.items.every((item, i) => item.portfolioId === ctx.portfolioId && item.executedAt <= (i === 0 ? (after ?? '9999') : j.items[i - 1].executedAt)));
      ctx.cursor = json?.nextCursor ?? undefined;
      ctx.lastExecutedAt = json?.items.at(-1)?.executedAt;
    },
  };
}

/** Instruments every portfolio can buy (the service's own universe is always seeded). */
export const SMALL_BUY_SYMBOLS = ['VTI', 'VOO', 'AAPL', 'MSFT', 'BND', 'KO', 'SPY', 'QQQ'];

/**
 * POST /api/v1/transactions with a fresh Idempotency-Key: a deposit of 25.00, or a small buy
 * (0.01 × 10.00 = 0.10) that a deposit before it in the same journey always pays for.
 */
export function tradeRequest(check: Checker, kind: 'deposit' | 'buy', nextKey: () => string, prepare?: Prepare): AutocannonRequest {
  let n = 0;
  return {
    method: 'POST',
    path: '/api/v1/transactions',
    setupRequest: (request, ctx) => {
      prepare?.(ctx);
      const trade = kind === 'deposit'
        ? { portfolioId: portfolioId(ctx), type: 'deposit', amount: '25.00' }
        : { portfolioId: portfolioId(ctx), type: 'buy', symbol: SMALL_BUY_SYMBOLS[(n += 1) % SMALL_BUY_SYMBOLS.length], quantity: '0.01', price: '10.00' };
      ctx.tradeType = kind;
      return { ...request, headers: { ...authHeaders(token(ctx), true), 'idempotency-key': nextKey() }, body: JSON.stringify(trade) };
    },
    onResponse: (status, body, ctx) => {
      // 201 completed: a 202 (pending: the portfolio service did not answer in time) counts as an error here.
      check.json<{ id: string; type: string; portfolioId: string; status: string; result: { cash: string } }>(`trade ${kind}`, status, body, (j) =>
        status === 201 && j.status === 'completed' && typeof j.id === 'string' && j.type === ctx.tradeType && j.portfolioId === ctx.portfolioId && isMoney(j.result.cash));
    },
  };
}
