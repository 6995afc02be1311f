import { ApiError } from '../api/api-error.ts';
import { errorMessage } from './messages.ts';

/** The message for a field: its own, or one for a nested path under it (e.g. "investmentProfile.goals.1"). */
export function fieldError(errors: Record<string, string>, field: string): string | undefined {
  if (errors[field]) return errors[field];
  const nested = Object.keys(errors).filter((name) => name.startsWith(`${field}.`));
  return nested.length ? nested.map((name) => errors[name]).join(' ') : undefined;
}

/** Messages for fields the form does not show (so they can be listed with the form's general error). */
export function unclaimedErrors(errors: Record<string, string>, shownFields: readonly string[]): string[] {
  return Object.entries(errors)
    .filter(([name]) => !shownFields.some((field) => name === field || name.startsWith(`${field}.`)))
    .map(([name, message]) => `${name}: ${message}`);
}

/** A refused or failed submission: the field errors to show next to their fields, and the form's general message. */
export function formFailure(failure: unknown, shownFields: readonly string[]): { fieldErrors: Record<string, string>; message: string } {
  const fieldErrors = failure instanceof ApiError ? failure.fieldErrors : {};
  return { fieldErrors, message: [errorMessage(failure), ...unclaimedErrors(fieldErrors, shownFields)].join(' ') };
}
