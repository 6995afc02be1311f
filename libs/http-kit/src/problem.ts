import type { Context } from 'koa';
import type { Problem } from '@ledgerline/api-schemas';

export const PROBLEM_TYPE_BASE = 'https://ledgerline.dev/problems/';

/** The problem+json body, defined with the public API's shapes (RFC 9457 plus `code`, `requestId`, `errors`). */
export type { Problem } from '@ledgerline/api-schemas';

/** Writes an RFC 9457 problem+json response. */
export function sendProblem(ctx: Context, problem: Omit<Problem, 'type' | 'instance' | 'requestId'>): void {
  const body: Problem = {
    type: `${PROBLEM_TYPE_BASE}${problem.code}`,
    title: problem.title,
    status: problem.status,
    code: problem.code,
    ...(problem.detail ? { detail: problem.detail } : {}),
    instance: ctx.path,
    ...(ctx.state.requestId ? { requestId: ctx.state.requestId as string } : {}),
    ...(problem.errors?.length ? { errors: problem.errors } : {}),
  };
  ctx.status = problem.status;
  ctx.type = 'application/problem+json';
  ctx.body = body;
}
