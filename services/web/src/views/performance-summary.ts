import type { Performance } from '@ledgerline/api-schemas';
import { formatMoney } from '../lib/money.ts';
import { html, type View } from './html.ts';
import { Pnl } from './ui.ts';

/** Market value, cost basis, unrealised P/L (amount and %), realised P/L, cash and total value. */
export function PerformanceSummary({ performance: p }: { performance: Performance }): View {
  const money = (value: string, testid: string) => html`<span class="figure" data-testid=${testid}>${formatMoney(value)}</span>`;
  return html`
    <section class="card" aria-labelledby="performance-heading" data-testid="performance-summary">
      <h2 id="performance-heading">Performance <span class="muted small">(${p.baseCurrency})</span></h2>
      <dl class="stats">
        <div class="stat total"><dt>Total value</dt><dd>${money(p.totalValue, 'perf-total')}</dd></div>
        <div class="stat"><dt>Market value</dt><dd>${money(p.marketValue, 'perf-market-value')}</dd></div>
        <div class="stat"><dt>Cost basis</dt><dd>${money(p.costBasis, 'perf-cost-basis')}</dd></div>
        <div class="stat">
          <dt>Unrealised P/L</dt>
          <dd><${Pnl} value=${p.unrealizedPnl} testid="perf-unrealized" /> <span class="small"><${Pnl} value=${p.unrealizedPnlPercent} percent testid="perf-unrealized-pct" /></span></dd>
        </div>
        <div class="stat"><dt>Realised P/L</dt><dd><${Pnl} value=${p.realizedPnl} testid="perf-realized" /></dd></div>
        <div class="stat"><dt>Cash</dt><dd>${money(p.cash, 'perf-cash')}</dd></div>
      </dl>
    </section>
  `;
}
