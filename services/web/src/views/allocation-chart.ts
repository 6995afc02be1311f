import { useState } from 'preact/hooks';
import type { Performance } from '@ledgerline/api-schemas';
import { DEFAULT_FRAME, donutSlices, type AllocationItem } from '../lib/allocation.ts';
import { formatMoney } from '../lib/money.ts';
import { html, type View } from './html.ts';

type Mode = 'assetClass' | 'holding';

const ASSET_CLASS_LABELS: Record<string, string> = { equity: 'Equities', etf: 'ETFs', bond: 'Bonds', cash: 'Cash' };

/** The allocation items for a mode, from the performance answer. */
function itemsFor(performance: Performance, mode: Mode): AllocationItem[] {
  if (mode === 'assetClass') {
    return performance.allocation.byAssetClass.map((a) => ({ key: a.assetClass, label: ASSET_CLASS_LABELS[a.assetClass] ?? a.assetClass, value: a.marketValue, weight: a.weight }));
  }
  return performance.allocation.byHolding.map((h) => ({ key: h.symbol, label: h.symbol, value: h.marketValue, weight: h.weight }));
}

/** A donut of the invested market value by asset class or by holding, with a legend. */
export function AllocationChart({ performance }: { performance: Performance }): View {
  const [mode, setMode] = useState<Mode>('assetClass');
  const slices = donutSlices(itemsFor(performance, mode));
  const { cx, cy } = DEFAULT_FRAME;
  const size = cx * 2;
  const description = slices.map((s) => `${s.label} ${s.weight ?? ''}%`).join(', ');

  return html`
    <section class="card" aria-labelledby="allocation-heading" data-testid="allocation">
      <div class="card-header">
        <h2 id="allocation-heading">Allocation</h2>
        <div class="segmented" role="group" aria-label="Group allocation by">
          <button type="button" class=${mode === 'assetClass' ? 'active' : ''} aria-pressed=${mode === 'assetClass'} data-testid="allocation-by-asset-class" onClick=${() => setMode('assetClass')}>Asset class</button>
          <button type="button" class=${mode === 'holding' ? 'active' : ''} aria-pressed=${mode === 'holding'} data-testid="allocation-by-holding" onClick=${() => setMode('holding')}>Holding</button>
        </div>
      </div>
      ${slices.length === 0
        ? html`<p class="empty" data-testid="allocation-empty">Nothing invested yet: the chart appears after the first purchase.</p>`
        : html`
          <div class="allocation">
            <svg class="donut" viewBox=${`0 0 ${size} ${size}`} width="200" height="200" role="img" aria-label=${`Allocation by ${mode === 'assetClass' ? 'asset class' : 'holding'}: ${description}`} data-testid="allocation-chart">
              ${slices.map((s) => html`
                <path key=${s.key} d=${s.path} fill=${s.color} fill-rule="evenodd" stroke="#fff" stroke-width="1.5" data-testid=${`allocation-slice-${s.key}`}>
                  <title>${s.label}: ${s.weight ?? ''}% (${formatMoney(s.value, performance.baseCurrency)})</title>
                </path>
              `)}
              <text x=${cx} y=${cy - 4} text-anchor="middle" class="donut-total-label">Invested</text>
              <text x=${cx} y=${cy + 16} text-anchor="middle" class="donut-total">${formatMoney(performance.marketValue)}</text>
            </svg>
            <ul class="legend">
              ${slices.map((s) => html`
                <li key=${s.key} data-testid=${`allocation-legend-${s.key}`}>
                  <svg width="12" height="12" aria-hidden="true"><rect width="12" height="12" rx="3" fill=${s.color} /></svg>
                  <span class="legend-label">${s.label}</span>
                  <span class="legend-weight">${s.weight ?? ''}%</span>
                  <span class="legend-value">${formatMoney(s.value)}</span>
                </li>
              `)}
            </ul>
          </div>
        `}
    </section>
  `;
}
