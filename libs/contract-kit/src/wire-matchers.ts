/**
 * The wire formats every consumer test matches on, written once: content types, a bearer token, instants and
 * decimals (the same formats as @ledgerline/api-schemas: money 2 dp, decimals as strings, ISO 8601 UTC instants).
 */
import { MatchersV3 } from '@pact-foundation/pact';

const { regex } = MatchersV3;

export const JSON_TYPE = { 'Content-Type': regex('^application/json(; *charset=utf-8)?$', 'application/json; charset=utf-8') };
export const PROBLEM_TYPE = { 'Content-Type': regex('^application/problem\\+json', 'application/problem+json; charset=utf-8') };
export const BEARER = { authorization: regex(/^Bearer \S+$/, 'Bearer a.b.c') };
/** An instant as the services write it ("2026-03-02T15:30:00.000Z"). */
export const ISO = (example: string) => regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?Z$/, example);
/** Money: a decimal string with exactly 2 dp ("1000.00", "-3.50"). */
export const MONEY = (example: string) => regex(/^-?\d+\.\d{2}$/, example);
/** Any decimal string ("10", "100.1000"). */
export const DECIMAL = (example: string) => regex(/^-?\d+(\.\d+)?$/, example);
