/**
 * Polls `url` until it answers 200 (npm start uses the gateway's /health/services: every upstream ready).
 * Resolves true then, false when the signal aborts or the time runs out.
 */
export async function waitUntilUp(url: string, options: { timeoutMs: number; intervalMs?: number; signal?: AbortSignal }): Promise<boolean> {
  const deadline = Date.now() + options.timeoutMs;
  while (Date.now() < deadline && !options.signal?.aborted) {
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(1000) });
      await response.body?.cancel();
      if (response.status === 200) return true;
    } catch {
      // not listening yet
    }
    await new Promise((resolvePromise) => setTimeout(resolvePromise, options.intervalMs ?? 200));
  }
  return false;
}
