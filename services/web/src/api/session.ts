/** The part of the Web Storage API the session needs (sessionStorage in the browser, a Map in tests). */
export interface TokenStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export interface SessionTokens {
  accessToken: string;
  refreshToken: string;
}

export type SessionListener = () => void;

export const SESSION_EXPIRED_MESSAGE = 'Your session has expired. Please log in again.';
const KEY = 'ledgerline.session';

/** A TokenStorage kept in memory (tests, or a browser where sessionStorage is unavailable). */
export function memoryStorage(): TokenStorage {
  const values = new Map<string, string>();
  return {
    getItem: (key) => values.get(key) ?? null,
    setItem: (key, value) => void values.set(key, value),
    removeItem: (key) => void values.delete(key),
  };
}

/**
 * The signed-in user's tokens, kept in a storage (sessionStorage: gone when the tab closes), plus a
 * "session expired" signal the app listens to so it can send the user back to the login screen.
 */
export class Session {
  readonly #storage: TokenStorage;
  readonly #expiredListeners = new Set<SessionListener>();

  constructor(storage: TokenStorage = memoryStorage()) {
    this.#storage = storage;
  }

  /** The current tokens, or null when nobody is signed in. */
  get tokens(): SessionTokens | null {
    const raw = this.#storage.getItem(KEY);
    if (!raw) return null;
    try {
      const parsed = JSON.parse(raw) as Partial<SessionTokens>;
      if (typeof parsed.accessToken === 'string' && typeof parsed.refreshToken === 'string') {
        return { accessToken: parsed.accessToken, refreshToken: parsed.refreshToken };
      }
    } catch {
      // fall through: unreadable storage counts as signed out
    }
    return null;
  }

  get signedIn(): boolean {
    return this.tokens !== null;
  }

  /** Stores a fresh token pair (after login or refresh). */
  save(tokens: SessionTokens): void {
    this.#storage.setItem(KEY, JSON.stringify({ accessToken: tokens.accessToken, refreshToken: tokens.refreshToken }));
  }

  /** Forgets the tokens (log out). */
  clear(): void {
    this.#storage.removeItem(KEY);
  }

  /**
   * Forgets the tokens and tells every listener that the session has expired. A session already ended (logged out,
   * or expired and told before) has nothing left to expire: nobody is told.
   */
  expire(): void {
    if (!this.signedIn) return;
    this.clear();
    for (const listener of [...this.#expiredListeners]) listener();
  }

  /** Calls `listener` whenever the session expires; returns the unsubscribe function. */
  onExpired(listener: SessionListener): () => void {
    this.#expiredListeners.add(listener);
    return () => this.#expiredListeners.delete(listener);
  }
}
