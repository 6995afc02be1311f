import type { z } from 'zod';
import { validationFailed, type FieldError } from './errors.ts';

export function toFieldErrors(issues: readonly z.core.$ZodIssue[]): FieldError[] {
  return issues.map((issue) => {
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({
        field: [...issue.path, key].join('.'),
        code: 'unknown_field',
        message: 'This field is not accepted.',
      }));
    }
    return [{ field: issue.path.join('.') || '(body)', code: issue.code, message: issue.message }];
  }).flat();
}

/** Parses input with a zod schema; failures become a 422 problem with one entry per field at fault. */
export function validate<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw validationFailed(toFieldErrors(result.error.issues));
  return result.data;
}
