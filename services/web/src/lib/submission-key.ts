import { ApiError } from '../api/api-error.ts';

/** A random UUID v4: crypto.randomUUID where available, else built from crypto.getRandomValues. */
export function newUuid(): string {
  if (typeof globalThis.crypto.randomUUID === 'function') return globalThis.crypto.randomUUID();
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = [...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * Idempotency keys for a form: a new key per submission, except that after a failure that may or may not
 * have been applied (network error, 503, 504) the same request sent again reuses its key, so the server
 * can recognise the retry and never record it twice.
 */
export class SubmissionKeys {
  readonly #generate: () => string;
  #pending: { fingerprint: string; key: string } | null = null;

  constructor(generate: () => string = newUuid) {
    this.#generate = generate;
  }

  /** The key to send with this request body. */
  keyFor(body: unknown): string {
    const fingerprint = JSON.stringify(body);
    if (this.#pending?.fingerprint !== fingerprint) this.#pending = { fingerprint, key: this.#generate() };
    return this.#pending.key;
  }

  /** Records how the last submission ended: the key is kept only for a retryable failure. */
  settle(error?: unknown): void {
    if (!(error instanceof ApiError && error.retryable)) this.#pending = null;
  }
}
