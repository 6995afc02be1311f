/**
 * Counts failed logins per key (the normalised email) in a sliding window; after `maxFailures` the key
 * is locked until the window of the oldest counted failure has passed. Known and unknown emails are
 * treated alike, so a lockout reveals nothing. One instance per app (created by createApp).
 */
export interface LoginThrottleOptions {
  maxFailures: number;
  windowMs: number;
  now: () => Date;
}

export class LoginThrottle {
  readonly #failures = new Map<string, number[]>();
  readonly #options: LoginThrottleOptions;

  constructor(options: LoginThrottleOptions) {
    this.#options = options;
  }

  #recent(key: string): number[] {
    const since = this.#options.now().getTime() - this.#options.windowMs;
    const kept = (this.#failures.get(key) ?? []).filter((at) => at > since);
    if (kept.length) this.#failures.set(key, kept);
    else this.#failures.delete(key);
    return kept;
  }

  /** Seconds until the key may try again, or 0 when it may try now. */
  retryAfterSeconds(key: string): number {
    const recent = this.#recent(key);
    if (recent.length < this.#options.maxFailures) return 0;
    const unlockAt = recent[recent.length - this.#options.maxFailures] + this.#options.windowMs;
    return Math.max(1, Math.ceil((unlockAt - this.#options.now().getTime()) / 1000));
  }

  recordFailure(key: string): void {
    this.#failures.set(key, [...this.#recent(key), this.#options.now().getTime()]);
  }

  reset(key: string): void {
    this.#failures.delete(key);
  }
}
