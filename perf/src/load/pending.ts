/**
 * Trades still pending at the end of a run: a trade the portfolio service did not confirm in time is stored
 * pending and finished by the transaction service's reconciler, so after the load stops the count must reach 0.
 * Read from the transaction service's /health/ready (`checks.pendingTransactions`).
 */
export async function pendingTradesLeft(transactionUrl: string, withinMs: number): Promise<{ count: number; oldestAgeSeconds: number | null; waitedMs: number }> {
  const started = performance.now();
  for (;;) {
    const ready = (await (await fetch(`${transactionUrl}/health/ready`, { signal: AbortSignal.timeout(5000) })).json()) as {
      checks: { pendingTransactions: { count: number; oldestAgeSeconds: number | null } };
    };
    const { count, oldestAgeSeconds } = ready.checks.pendingTransactions;
    const waitedMs = Math.round(performance.now() - started);
    if (count === 0 || waitedMs >= withinMs) return { count, oldestAgeSeconds, waitedMs };
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
