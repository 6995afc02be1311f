import type { SeedManifest, SeededPortfolio, SeededUser } from '../seed/manifest.ts';
import { seededFaker, zipfSampler } from '../seed/random.ts';

/** A user logged in before the measured phase: their token and seeded portfolios. */
export interface Session {
  email: string;
  token: string;
  portfolios: SeededPortfolio[];
}

/**
 * An endless, deterministic rotation over `items` with Zipf-like popularity: a few are picked very often,
 * most now and then — like real users' activity. Each call of the returned function gives the next one.
 */
export function rotation<T>(items: readonly T[], seed: number, length = 10_000): () => T {
  if (!items.length) throw new Error('nothing to rotate over');
  const faker = seededFaker(seed);
  const order = faker.helpers.shuffle(items.map((_, i) => i));
  const zipf = zipfSampler(items.length, 0.8);
  const schedule = Array.from({ length }, () => order[zipf(faker)]);
  let next = 0;
  return () => items[schedule[next++ % schedule.length]];
}

/** Logs a user in through the gateway; returns the access token. */
export async function login(gatewayUrl: string, email: string, password: string): Promise<string> {
  const response = await fetch(`${gatewayUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
    signal: AbortSignal.timeout(10_000),
  });
  const body = (await response.json()) as { accessToken?: string };
  if (response.status !== 200 || !body.accessToken) throw new Error(`login of ${email} failed: HTTP ${response.status} ${JSON.stringify(body)}`);
  return body.accessToken;
}

/**
 * Logs in a pool of seeded users (spread over the whole user list: heavy and light users alike), a few at a
 * time, before anything is measured.
 */
export async function openSessions(gatewayUrl: string, manifest: SeedManifest, size: number): Promise<Session[]> {
  const users = manifest.users.filter((user) => user.portfolios.length > 0);
  const step = Math.max(1, users.length / size);
  const chosen: SeededUser[] = [];
  for (let k = 0; k < Math.min(size, users.length); k += 1) chosen.push(users[Math.floor(k * step)]);
  const sessions: Session[] = [];
  for (let start = 0; start < chosen.length; start += 10) {
    const chunk = chosen.slice(start, start + 10);
    const tokens = await Promise.all(chunk.map((user) => login(gatewayUrl, user.email, manifest.password)));
    chunk.forEach((user, i) => sessions.push({ email: user.email, token: tokens[i], portfolios: user.portfolios }));
  }
  return sessions;
}
