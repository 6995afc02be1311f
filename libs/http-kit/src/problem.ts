import type { Context } from 'koa';
import type { Problem } from '@ledgerline/api-schemas';
import type { AppError } from './errors.ts';

export const PROBLEM_TYPE_BASE = 'https://ledgerline.dev/problems/';

/** The problem+json body, defined with the public API's shapes (RFC 9457 plus `code`, `requestId`, `errors`). */
export type { Problem } from '@ledgerline/api-schemas';

/** What a problem says (the rest — type, instance, request id — comes from where it is answered). */
export type ProblemFields = Omit<Problem, 'type' | 'instance' | 'requestId'>;

/** The RFC 9457 problem body for the request in `ctx` (also one item's answer inside a batch's 200). */
export function problemBody(ctx: Context, problem: ProblemFields): Problem {
  return {
    type: `${PROBLEM_TYPE_BASE}${problem.code}`,
    title: problem.title,
    status: problem.status,
    code: problem.code,
    ...(problem.detail ? { detail: problem.detail } : {}),
    instance: ctx.path,
    ...(ctx.state.requestId ? { requestId: ctx.state.requestId as string } : {}),
    ...(problem.errors?.length ? { errors: problem.errors } : {}),
  };
}

/** The fields of an AppError's problem. */
export const problemFieldsOf = (error: AppError): ProblemFields => ({ status: error.status, code: error.code, title: error.message, detail: error.detail, errors: error.errors });

/** Writes an RFC 9457 problem+json response. */
export function sendProblem(ctx: Context, problem: ProblemFields): void {
  ctx.status = problem.status;
  ctx.type = 'application/problem+json';
  ctx.body = problemBody(ctx, problem);
}
