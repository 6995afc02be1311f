import type { AutocannonRequest } from 'autocannon';
import type { Checker } from '../load/checks.ts';
import type { Session } from '../load/sessions.ts';
import type { SeedManifest } from '../seed/manifest.ts';

/** What a scenario's requests are built from. */
export interface ScenarioContext {
  manifest: SeedManifest;
  /** Users logged in before the measured phase. */
  sessions: Session[];
  /** A fresh, unique Idempotency-Key on every call. */
  nextKey: () => string;
  /** Seed of the rotations (the warm-up and the measured run get different ones). */
  seed: number;
}

/** One load scenario against the gateway: autocannon's requests array (one journey per connection, repeated). */
export interface Scenario {
  name: string;
  title: string;
  build(ctx: ScenarioContext, check: Checker): AutocannonRequest[];
}

/** Headers of an authenticated JSON call. */
export function authHeaders(token: string, withBody = false): Record<string, string> {
  return { authorization: `Bearer ${token}`, accept: 'application/json', ...(withBody ? { 'content-type': 'application/json' } : {}) };
}

/** The shape every list endpoint answers. */
export interface Page<T> {
  items: T[];
  nextCursor?: string | null;
}

export const isPage = (json: Page<unknown>) => Array.isArray(json.items);
export const isMoney = (value: unknown) => typeof value === 'string' && /^-?\d+\.\d{2}$/.test(value);
