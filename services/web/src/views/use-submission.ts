import { useState } from 'preact/hooks';
import { formFailure } from '../lib/form-errors.ts';

/** A form's submission state: field errors, the general error, the success message, and whether it is busy. */
export function useSubmission(shownFields: readonly string[]) {
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  /**
   * Runs `action` (one at a time) unless `check` finds problems first; the action's answer is the success
   * message, a refusal or failure is shown as field errors and a general message.
   */
  const submit = async (action: () => Promise<string>, check: () => Record<string, string> = () => ({})) => {
    if (busy) return;
    setError(null);
    setDone(null);
    const problems = check();
    setFieldErrors(problems);
    if (Object.keys(problems).length) return;
    setBusy(true);
    try {
      setDone(await action());
    } catch (failure) {
      const { fieldErrors: errors, message } = formFailure(failure, shownFields);
      setFieldErrors(errors);
      setError(message);
    } finally {
      setBusy(false);
    }
  };
  return { fieldErrors, error, done, busy, submit };
}
