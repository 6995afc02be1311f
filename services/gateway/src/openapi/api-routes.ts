import { z } from 'zod';
import * as api from '@ledgerline/api-schemas';

/** One public route of the gateway as the OpenAPI document describes it. */
export interface ApiRoute {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** OpenAPI path template, e.g. /api/v1/portfolios/{id}. */
  path: string;
  summary: string;
  tag: 'auth' | 'portfolios' | 'instruments' | 'transactions';
  /** Needs `Authorization: Bearer <access token>`. */
  auth: boolean;
  params?: z.ZodObject;
  query?: z.ZodObject;
  body?: z.ZodType;
  idempotencyKey?: boolean;
  /** Success statuses and their bodies (null: no body). */
  responses: Record<number, z.ZodType | null>;
  /** Error statuses this route answers with a problem, and the `code`s it may carry. */
  problems: Record<number, string[]>;
}

const VALIDATION = { 400: ['malformed_json'], 413: ['payload_too_large'], 422: ['validation_failed'] };
const AUTHENTICATED = { 401: ['invalid_token', 'token_expired'] };
const UPSTREAM = (service: string) => ({ 502: [`${service}_bad_response`], 503: [`${service}_unavailable`], 504: [`${service}_timeout`] });
const AUTH_UP = UPSTREAM('auth');
const PORTFOLIO_UP = UPSTREAM('portfolio');
const TRANSACTION_UP = UPSTREAM('transaction');
const userIdParam = z.object({ id: z.uuid() });
const transactionIdParam = z.object({ id: z.string() });

/**
 * Every public route of the gateway (/api/v1): the one list the OpenAPI document is generated from. A gateway
 * test checks it against the routes the gateway really serves, so a route cannot be added without being described.
 */
export const API_ROUTES: ApiRoute[] = [
  { method: 'get', path: '/api/v1/auth/password-policy', summary: 'The password rules, as the sign-up form shows them', tag: 'auth', auth: false, responses: { 200: api.passwordPolicy }, problems: { ...AUTH_UP } },
  {
    method: 'post', path: '/api/v1/auth/register', summary: 'Create an account', tag: 'auth', auth: false, body: api.registerRequest,
    responses: { 201: api.user }, problems: { ...VALIDATION, 409: ['email_taken'], 422: ['validation_failed', 'password_too_short', 'password_too_common', 'password_too_few_classes'], 429: ['too_many_requests'], ...AUTH_UP },
  },
  {
    method: 'post', path: '/api/v1/auth/login', summary: 'Sign in: an access token and a refresh token', tag: 'auth', auth: false, body: api.loginRequest,
    responses: { 200: api.tokenPair }, problems: { ...VALIDATION, 401: ['invalid_credentials'], 403: ['account_inactive'], 429: ['too_many_requests'], ...AUTH_UP },
  },
  {
    method: 'post', path: '/api/v1/auth/refresh', summary: 'Exchange a refresh token for a new pair (the old one is spent)', tag: 'auth', auth: false, body: api.refreshRequest,
    responses: { 200: api.tokenPair }, problems: { ...VALIDATION, 401: ['invalid_token', 'session_expired'], 429: ['too_many_requests'], ...AUTH_UP },
  },
  { method: 'post', path: '/api/v1/auth/logout', summary: 'End the session of a refresh token', tag: 'auth', auth: false, body: api.refreshRequest, responses: { 204: null }, problems: { ...VALIDATION, ...AUTH_UP } },
  { method: 'get', path: '/api/v1/auth/me', summary: 'The signed-in user', tag: 'auth', auth: true, responses: { 200: api.user }, problems: { ...AUTHENTICATED, ...AUTH_UP } },
  { method: 'patch', path: '/api/v1/auth/me', summary: 'Change your name or investment profile', tag: 'auth', auth: true, body: api.updateMeRequest, responses: { 200: api.user }, problems: { ...VALIDATION, ...AUTHENTICATED, ...AUTH_UP } },
  {
    method: 'post', path: '/api/v1/auth/users/{id}/deactivate', summary: 'Deactivate a user (admin)', tag: 'auth', auth: true, params: userIdParam,
    responses: { 200: api.user }, problems: { ...AUTHENTICATED, 403: ['forbidden'], 404: ['not_found'], 422: ['validation_failed'], ...AUTH_UP },
  },
  { method: 'get', path: '/api/v1/portfolios', summary: 'Your portfolios', tag: 'portfolios', auth: true, responses: { 200: api.portfolioList }, problems: { ...AUTHENTICATED, ...PORTFOLIO_UP } },
  { method: 'post', path: '/api/v1/portfolios', summary: 'Create a portfolio', tag: 'portfolios', auth: true, body: api.createPortfolioRequest, responses: { 201: api.portfolio }, problems: { ...VALIDATION, ...AUTHENTICATED, ...PORTFOLIO_UP } },
  { method: 'get', path: '/api/v1/portfolios/{id}', summary: 'One of your portfolios', tag: 'portfolios', auth: true, params: api.portfolioIdParam, responses: { 200: api.portfolio }, problems: { ...AUTHENTICATED, 404: ['not_found'], 422: ['validation_failed'], ...PORTFOLIO_UP } },
  {
    method: 'patch', path: '/api/v1/portfolios/{id}', summary: 'Rename a portfolio or change its description', tag: 'portfolios', auth: true, params: api.portfolioIdParam, body: api.updatePortfolioRequest,
    responses: { 200: api.portfolio }, problems: { ...VALIDATION, ...AUTHENTICATED, 404: ['not_found'], ...PORTFOLIO_UP },
  },
  {
    method: 'delete', path: '/api/v1/portfolios/{id}', summary: 'Delete a portfolio (force=true when it still holds cash or positions)', tag: 'portfolios', auth: true, params: api.portfolioIdParam, query: api.deletePortfolioQuery,
    responses: { 204: null }, problems: { ...AUTHENTICATED, 404: ['not_found'], 409: ['portfolio_not_empty'], 422: ['validation_failed'], ...PORTFOLIO_UP },
  },
  { method: 'get', path: '/api/v1/portfolios/{id}/holdings', summary: 'Open positions, valued at the last prices', tag: 'portfolios', auth: true, params: api.portfolioIdParam, responses: { 200: api.holdingList }, problems: { ...AUTHENTICATED, 404: ['not_found'], 422: ['validation_failed'], ...PORTFOLIO_UP } },
  {
    method: 'post', path: '/api/v1/portfolios/{id}/holdings', summary: 'Enter an opening position directly (no cash moves)', tag: 'portfolios', auth: true, params: api.portfolioIdParam, body: api.openPositionRequest,
    responses: { 201: api.holding }, problems: { ...VALIDATION, ...AUTHENTICATED, 404: ['not_found'], 409: ['holding_exists'], 422: ['validation_failed', 'unknown_symbol'], ...PORTFOLIO_UP },
  },
  { method: 'get', path: '/api/v1/portfolios/{id}/performance', summary: 'Market value, cost basis, P/L, cash and allocation', tag: 'portfolios', auth: true, params: api.portfolioIdParam, responses: { 200: api.performance }, problems: { ...AUTHENTICATED, 404: ['not_found'], 422: ['validation_failed'], ...PORTFOLIO_UP } },
  { method: 'get', path: '/api/v1/instruments', summary: 'Search the instrument universe', tag: 'instruments', auth: true, query: api.searchInstrumentsQuery, responses: { 200: api.instrumentList }, problems: { ...AUTHENTICATED, 422: ['validation_failed'], ...PORTFOLIO_UP } },
  { method: 'get', path: '/api/v1/instruments/{symbol}', summary: 'One instrument', tag: 'instruments', auth: true, params: api.symbolParam, responses: { 200: api.instrument }, problems: { ...AUTHENTICATED, 404: ['not_found'], 422: ['validation_failed'], ...PORTFOLIO_UP } },
  {
    method: 'put', path: '/api/v1/instruments/{symbol}/price', summary: 'Set an instrument\u2019s last price (admin)', tag: 'instruments', auth: true, params: api.symbolParam, body: api.updatePriceRequest,
    responses: { 200: api.instrument }, problems: { ...VALIDATION, ...AUTHENTICATED, 403: ['forbidden'], 404: ['not_found'], ...PORTFOLIO_UP },
  },
  {
    method: 'post', path: '/api/v1/transactions', summary: 'Record a trade or cash movement', tag: 'transactions', auth: true, body: api.recordTransactionRequest, idempotencyKey: true,
    responses: { 200: api.transaction, 201: api.transaction, 202: api.transaction },
    problems: { ...VALIDATION, ...AUTHENTICATED, 404: ['not_found'], 409: ['insufficient_cash', 'insufficient_quantity', 'idempotency_key_reused'], 422: ['validation_failed', 'unknown_symbol', 'invalid_idempotency_key'], ...TRANSACTION_UP },
  },
  { method: 'get', path: '/api/v1/transactions', summary: 'Your transaction history, newest first, a page at a time', tag: 'transactions', auth: true, query: api.transactionHistoryQuery, responses: { 200: api.transactionPage }, problems: { ...AUTHENTICATED, 422: ['validation_failed', 'invalid_cursor', 'invalid_date', 'from_after_to'], ...TRANSACTION_UP } },
  { method: 'get', path: '/api/v1/transactions/{id}', summary: 'One transaction (poll a pending one until it completes)', tag: 'transactions', auth: true, params: transactionIdParam, responses: { 200: api.transaction }, problems: { ...AUTHENTICATED, 404: ['not_found'], ...TRANSACTION_UP } },
];
