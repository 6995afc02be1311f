import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { listPacts } from './pacts.ts';
import { CONTRACTS_DIR, RESULTS_DIR, resultPath } from './paths.ts';
import type { ProviderResult } from './provider.ts';

export interface Boundary {
  consumer: string;
  provider: string;
}

export interface MatrixRow {
  consumer: string;
  provider: string;
  interactions: number;
  verified: number;
  status: 'verified' | 'failed' | 'unverified' | 'stale' | 'missing pact';
}

/** The boundaries the system must have a verified pact for (contracts/boundaries.json). */
export function requiredBoundaries(dir = CONTRACTS_DIR): Boundary[] {
  return JSON.parse(readFileSync(join(dir, 'boundaries.json'), 'utf8')).boundaries as Boundary[];
}

/**
 * Our in-repo equivalent of a broker's can-i-deploy: every required boundary must have a pact, and the
 * provider's last verification must have covered exactly that pact (same SHA-256) with every interaction passing.
 */
export function verificationMatrix(dir = CONTRACTS_DIR, resultsDir = RESULTS_DIR): MatrixRow[] {
  const pacts = listPacts(undefined, dir);
  const required = requiredBoundaries(dir);
  const pairs = new Map<string, Boundary>();
  for (const b of [...required, ...pacts.map((p) => ({ consumer: p.consumer, provider: p.provider }))]) pairs.set(`${b.consumer}→${b.provider}`, b);
  return [...pairs.values()].map(({ consumer, provider }) => {
    const pact = pacts.find((p) => p.consumer === consumer && p.provider === provider);
    if (!pact) return { consumer, provider, interactions: 0, verified: 0, status: 'missing pact' as const };
    const file = resultPath(provider, resultsDir);
    const result = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as ProviderResult) : undefined;
    const entry = result?.pacts.find((p) => p.consumer === consumer);
    const base = { consumer, provider, interactions: pact.interactions.length, verified: entry?.verified ?? 0 };
    if (!entry) return { ...base, status: 'unverified' as const };
    if (entry.sha256 !== pact.sha256) return { ...base, status: 'stale' as const };
    return { ...base, status: entry.failed.length || entry.verified !== pact.interactions.length ? ('failed' as const) : ('verified' as const) };
  });
}

export function formatMatrix(rows: MatrixRow[]): string {
  const header = ['consumer', 'provider', 'interactions', 'verified', 'status'];
  const lines = rows.map((r) => [r.consumer, r.provider, String(r.interactions), String(r.verified), r.status === 'verified' ? 'yes' : `NO (${r.status})`]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const fmt = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i])).join('  ');
  return [fmt(header), fmt(widths.map((w) => '-'.repeat(w))), ...lines.map(fmt)].join('\n');
}
