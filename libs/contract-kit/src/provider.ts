import { mkdirSync, writeFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Verifier, type VerifierOptions } from '@pact-foundation/pact';
import { createTestDatabases } from '@ledgerline/test-kit';
import { listPacts, type PactFile } from './pacts.ts';
import { RESULTS_DIR, resultPath } from './paths.ts';

/** A provider started for verification: the real service on its own fresh file database. */
export type StateHandlers = NonNullable<VerifierOptions['stateHandlers']>;

export interface RunningProvider {
  baseUrl: string;
  /** Empties every table, so each interaction starts from nothing but its provider states. */
  reset(): Promise<void>;
  close(): Promise<void>;
}

export interface VerificationOptions {
  provider: string;
  /**
   * Starts the real service via createApp on port 0 with a fresh database at `dbPath` — a file in a temp dir, or with
   * `LEDGERLINE_DB=postgres` a URL of a database in a throwaway PostgreSQL cluster; `dbPathFor(name)` gives more fresh
   * databases of the same kind (a provider with services behind it).
   */
  start(dbPath: string, dbPathFor: (name: string) => Promise<string>): Promise<RunningProvider>;
  stateHandlers: StateHandlers;
  /**
   * Runs after an interaction verified, before the next reset: read back through the service's own code
   * what the interaction committed (cross-entity effects). Throwing fails the interaction.
   */
  afterInteraction?: (interaction: { consumer: string; description: string }) => Promise<void>;
  /** Rewrites a verified request before it reaches the provider, e.g. to inject a freshly signed token. */
  requestFilter?: (req: IncomingMessage, res: ServerResponse, next: () => void) => void;
}

export interface InteractionResult {
  consumer: string;
  description: string;
  ok: boolean;
  error?: string;
}

export interface ProviderResult {
  provider: string;
  verifiedAt: string;
  pacts: Array<{ consumer: string; file: string; sha256: string; interactions: number; verified: number; failed: string[] }>;
}

const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** AVA's surface that the verification needs (kept structural). */
export interface SerialTest {
  serial(title: string, fn: (t: { pass(): void; fail(message?: string): void; log(...values: unknown[]): void }) => Promise<void>): void;
  before(fn: () => Promise<void>): void;
  after: { always(fn: () => Promise<void> | void): void };
}

/**
 * Registers one serial AVA test per interaction in every pact that names this provider, against the real
 * service on a fresh database (file-SQLite in the OS temp dir, or PostgreSQL with `LEDGERLINE_DB=postgres`; removed afterwards). Each interaction is
 * verified alone (PACT_DESCRIPTION filter) after a database reset, so interactions are independent and a
 * failure names exactly one interaction. Results go to contracts/.results/<provider>.json for can-i-deploy.
 */
export function verifyPactsFor(test: SerialTest, options: VerificationOptions): void {
  const pacts: PactFile[] = listPacts(options.provider);
  const results: InteractionResult[] = [];
  // A provider state that throws must fail its interaction loudly, not leave the verifier guessing.
  const stateErrors: string[] = [];
  const stateHandlers: StateHandlers = Object.fromEntries(
    Object.entries(options.stateHandlers).map(([name, handler]) => [
      name,
      async (params?: unknown) => {
        try {
          return typeof handler === 'function' ? await handler(params as never) : await handler.setup?.(params as never);
        } catch (error) {
          stateErrors.push(`provider state "${name}" failed: ${error instanceof Error ? error.message : String(error)}`);
          throw error;
        }
      },
    ]),
  );
  const databases = createTestDatabases(`ledgerline-verify-${options.provider}-`);
  let running: RunningProvider | undefined;

  test.before(async () => {
    running = await options.start(await databases.location(options.provider), databases.location);
  });
  test.after.always(async () => {
    await running?.close();
    await databases.remove();
    writeResults(options.provider, pacts, results);
  });

  if (!pacts.length) {
    test.serial(`no pact in contracts/ names ${options.provider} as provider`, async (t) => t.fail('expected at least one pact'));
    return;
  }
  for (const pact of pacts) {
    for (const interaction of pact.interactions) {
      const title = `${pact.consumer} → ${options.provider}: ${interaction.description}`;
      test.serial(title, async (t) => {
        const provider = running!;
        process.env.PACT_DESCRIPTION = `^${escapeRegex(interaction.description)}$`;
        stateErrors.length = 0;
        try {
          await provider.reset();
          await new Verifier({
            provider: options.provider,
            providerBaseUrl: provider.baseUrl,
            pactUrls: [pact.path],
            stateHandlers,
            requestFilter: options.requestFilter as never,
            logLevel: 'error',
          }).verifyProvider();
          await options.afterInteraction?.({ consumer: pact.consumer, description: interaction.description });
          results.push({ consumer: pact.consumer, description: interaction.description, ok: true });
          t.pass();
        } catch (error) {
          const reason = [...stateErrors, describeFailure(error)].join('; ');
          results.push({ consumer: pact.consumer, description: interaction.description, ok: false, error: reason });
          t.fail(reason);
        } finally {
          delete process.env.PACT_DESCRIPTION;
        }
      });
    }
  }
}

/** One readable line from the verifier's error: every mismatch of the interaction, joined. */
export function describeFailure(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  try {
    const parsed = JSON.parse(message) as { interactionResults?: Array<{ mismatch?: { mismatches?: Array<{ mismatch?: string; type?: string }> }; error?: string }> };
    const lines = (parsed.interactionResults ?? []).flatMap((r) => r.mismatch?.mismatches?.map((m) => m.mismatch ?? m.type ?? '') ?? (r.error ? [r.error] : []));
    if (lines.length) return lines.join('; ');
  } catch {
    // not the verifier's JSON: fall through to the first line
  }
  return message.split('\n')[0];
}

function writeResults(provider: string, pacts: PactFile[], results: InteractionResult[]): void {
  const result: ProviderResult = {
    provider,
    verifiedAt: new Date().toISOString(),
    pacts: pacts.map((pact) => {
      const mine = results.filter((r) => r.consumer === pact.consumer);
      return {
        consumer: pact.consumer,
        file: pact.path.split('/').pop()!,
        sha256: pact.sha256,
        interactions: pact.interactions.length,
        verified: mine.filter((r) => r.ok).length,
        failed: mine.filter((r) => !r.ok).map((r) => `${r.description}: ${r.error}`),
      };
    }),
  };
  mkdirSync(RESULTS_DIR, { recursive: true });
  writeFileSync(resultPath(provider), `${JSON.stringify(result, null, 2)}\n`);
}
