/**
 * Body checks for load scenarios: a 2xx whose body is not what the API promises counts as an error in the
 * results (autocannon itself only counts connection errors, timeouts and non-2xx).
 */
export interface Checker {
  /** 2xx responses whose body failed its check. */
  mismatches: number;
  /** A few failing responses (mismatches and non-2xx), for the report. */
  samples: string[];
  /**
   * Parses a 2xx body as JSON and runs `valid` on it; a non-2xx is only sampled (autocannon counts it).
   * Returns the parsed body when it passed, else undefined.
   */
  json<T = Record<string, unknown>>(label: string, status: number, body: string, valid: (json: T) => boolean): T | undefined;
}

const MAX_SAMPLES = 5;

export function createChecker(): Checker {
  const checker: Checker = {
    mismatches: 0,
    samples: [],
    json<T>(label: string, status: number, body: string, valid: (json: T) => boolean): T | undefined {
      const sample = (why: string) => {
        if (checker.samples.length < MAX_SAMPLES) checker.samples.push(`${label}: ${why}: ${body.slice(0, 300)}`);
      };
      if (status < 200 || status > 299) {
        sample(`HTTP ${status}`);
        return undefined;
      }
      let parsed: T;
      try {
        parsed = JSON.parse(body) as T;
      } catch {
        checker.mismatches += 1;
        sample(`HTTP ${status} with a body that is not JSON`);
        return undefined;
      }
      let ok: boolean;
      try {
        ok = valid(parsed);
      } catch {
        ok = false;
      }
      if (!ok) {
        checker.mismatches += 1;
        sample(`HTTP ${status} with an unexpected body`);
        return undefined;
      }
      return parsed;
    },
  };
  return checker;
}
