/**
 * Assertions that every figure a screen shows is the value the API returned for it, formatted by the web UI's
 * own formatters (services/web/src/lib, unit-tested there): a cell showing another field fails.
 */
import type { Page } from '@playwright/test';
import type { Holding, Performance, Transaction } from '@ledgerline/api-schemas';
import { formatWhen } from '../../services/web/src/lib/dates.ts';
import { formatDecimal, formatMoney, formatSigned, formatSignedPercent } from '../../services/web/src/lib/money.ts';
import { TRADE_TYPE_LABELS } from '../../services/web/src/lib/trade-form.ts';
import { expect } from './fixtures.ts';

/** Every column of every row of the holdings table, and no other rows. */
export async function expectHoldingsTable(page: Page, holdings: Holding[]): Promise<void> {
  await expect(page.getByTestId(/^holding-row-/)).toHaveCount(holdings.length);
  for (const h of holdings) {
    const cell = (name: string) => page.getByTestId(`holding-${name}-${h.symbol}`);
    await expect(cell('symbol')).toHaveText(h.symbol);
    await expect(cell('name')).toHaveText(h.name);
    await expect(cell('asset-class')).toHaveText(h.assetClass);
    await expect(cell('quantity')).toHaveText(formatDecimal(h.quantity));
    await expect(cell('average-cost')).toHaveText(formatMoney(h.averageCost));
    await expect(cell('last-price')).toHaveText(formatMoney(h.lastPrice));
    await expect(cell('market-value')).toHaveText(formatMoney(h.marketValue));
    await expect(cell('unrealized')).toHaveText(formatSigned(h.unrealizedPnl));
    await expect(cell('unrealized-pct')).toHaveText(formatSignedPercent(h.unrealizedPnlPercent));
    await expect(cell('realized')).toHaveText(formatSigned(h.realizedPnl));
  }
}

/** Every number of the performance summary, and the allocation legend by asset class. */
export async function expectPerformance(page: Page, p: Performance): Promise<void> {
  await expect(page.getByTestId('perf-total')).toHaveText(formatMoney(p.totalValue));
  await expect(page.getByTestId('perf-market-value')).toHaveText(formatMoney(p.marketValue));
  await expect(page.getByTestId('perf-cost-basis')).toHaveText(formatMoney(p.costBasis));
  await expect(page.getByTestId('perf-unrealized')).toHaveText(formatSigned(p.unrealizedPnl));
  await expect(page.getByTestId('perf-unrealized-pct')).toHaveText(formatSignedPercent(p.unrealizedPnlPercent));
  await expect(page.getByTestId('perf-realized')).toHaveText(formatSigned(p.realizedPnl));
  await expect(page.getByTestId('perf-cash')).toHaveText(formatMoney(p.cash));
  for (const slice of p.allocation.byAssetClass) {
    const legend = page.getByTestId(`allocation-legend-${slice.assetClass}`);
    await expect(legend.locator('.legend-weight')).toHaveText(`${slice.weight}%`);
    await expect(legend.locator('.legend-value')).toHaveText(formatMoney(slice.marketValue));
  }
}

/** Every column of the history table, row by row in the API's order. */
export async function expectHistoryRows(page: Page, items: Transaction[]): Promise<void> {
  const rows = page.getByTestId('history-row');
  await expect(rows).toHaveCount(items.length);
  for (const [index, tx] of items.entries()) {
    const row = rows.nth(index);
    await expect(row).toHaveAttribute('data-transaction-id', tx.id);
    await expect(row.getByTestId('history-date')).toHaveText(formatWhen(tx.executedAt));
    await expect(row.getByTestId('history-type')).toHaveText(TRADE_TYPE_LABELS[tx.type]);
    await expect(row.getByTestId('history-symbol')).toHaveText(tx.symbol ?? '');
    await expect(row.getByTestId('history-quantity')).toHaveText(formatDecimal(tx.quantity));
    await expect(row.getByTestId('history-price')).toHaveText(formatMoney(tx.price));
    await expect(row.getByTestId('history-amount')).toHaveText(formatMoney(tx.amount));
    await expect(row.getByTestId('history-fees')).toHaveText(formatMoney(tx.fees));
    await expect(row.getByTestId('history-status')).toHaveText(tx.status === 'pending' ? 'Pending' : 'Done');
  }
}
