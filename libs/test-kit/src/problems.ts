/** What a user reads of a refusal: compare `problemOf(response)` with `problem(status, code, detail)`. */
export interface ProblemSummary {
  status: number;
  type: string;
  code: unknown;
  detail: unknown;
}

export function problemOf(response: { status: number; type: string; body: Record<string, unknown> }): ProblemSummary {
  return { status: response.status, type: response.type, code: response.body.code, detail: response.body.detail };
}

export function problem(status: number, code: string, detail: string): ProblemSummary {
  return { status, type: 'application/problem+json', code, detail };
}
