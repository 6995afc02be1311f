import type { Holding } from '@ledgerline/api-schemas';
import { formatDecimal, formatMoney, signOf } from '../lib/money.ts';
import { html, type View } from './html.ts';
import { Pnl } from './ui.ts';

/** Holdings: quantity, average cost, last price, market value, unrealised and realised P/L. */
export function HoldingsTable({ holdings }: { holdings: Holding[] }): View {
  if (holdings.length === 0) {
    return html`<p class="empty" data-testid="holdings-empty">No holdings yet. Record a purchase to start.</p>`;
  }
  return html`
    <div class="table-scroll" tabindex="0" role="region" aria-label="Holdings (scrolls sideways)">
      <table class="table" data-testid="holdings-table">
        <thead>
          <tr>
            <th>Symbol</th><th>Name</th><th class="num">Quantity</th><th class="num">Avg cost</th><th class="num">Last price</th>
            <th class="num">Market value</th><th class="num">Unrealised P/L</th><th class="num">Realised P/L</th>
          </tr>
        </thead>
        <tbody>
          ${holdings.map((h) => html`
            <tr key=${h.symbol} data-testid=${`holding-row-${h.symbol}`} class=${signOf(h.quantity) === 0 ? 'closed' : ''}>
              <td class="symbol" data-testid=${`holding-symbol-${h.symbol}`}>${h.symbol}</td>
              <td><span class="name" data-testid=${`holding-name-${h.symbol}`}>${h.name}</span> <span class="tag" data-testid=${`holding-asset-class-${h.symbol}`}>${h.assetClass}</span></td>
              <td class="num" data-testid=${`holding-quantity-${h.symbol}`}>${formatDecimal(h.quantity)}</td>
              <td class="num" data-testid=${`holding-average-cost-${h.symbol}`}>${formatMoney(h.averageCost)}</td>
              <td class="num" data-testid=${`holding-last-price-${h.symbol}`}>${formatMoney(h.lastPrice)}</td>
              <td class="num" data-testid=${`holding-market-value-${h.symbol}`}>${formatMoney(h.marketValue)}</td>
              <td class="num">
                <${Pnl} value=${h.unrealizedPnl} testid=${`holding-unrealized-${h.symbol}`} />
                <div class="small"><${Pnl} value=${h.unrealizedPnlPercent} percent testid=${`holding-unrealized-pct-${h.symbol}`} /></div>
              </td>
              <td class="num"><${Pnl} value=${h.realizedPnl} testid=${`holding-realized-${h.symbol}`} /></td>
            </tr>
          `)}
        </tbody>
      </table>
    </div>
  `;
}
