import type { Transaction } from '@ledgerline/api-schemas';

/** How often the UI asks again about transactions that are still pending. */
export const PENDING_REFRESH_MS = 3000;

/** The ids of the transactions that are still pending (stored, not yet applied by the portfolio service). */
export function pendingIds(items: readonly Transaction[]): string[] {
  return items.filter((item) => item.status === 'pending').map((item) => item.id);
}

/**
 * A history listing with fresh copies of some of its transactions: a completed one replaces its pending row, a
 * rejected one leaves the list (the default history shows completed and pending only), one still pending stays.
 */
export function withRefreshed(items: readonly Transaction[], fresh: readonly Transaction[]): Transaction[] {
  const byId = new Map(fresh.map((item) => [item.id, item]));
  return items.flatMap((item) => {
    const update = byId.get(item.id);
    if (!update) return [item];
    return update.status === 'rejected' ? [] : [update];
  });
}
