import type { Holding, Performance, Portfolio } from '@ledgerline/api-schemas';
import { useApp } from './context.ts';
import { AllocationChart } from './allocation-chart.ts';
import { HoldingsTable } from './holdings-table.ts';
import { html, type View } from './html.ts';
import { PerformanceSummary } from './performance-summary.ts';
import { PortfolioSettings } from './portfolio-settings.ts';
import { isNotFound, Link, LoadFailed, Loading, PortfolioNotFound } from './ui.ts';
import { useLoad, useTitle, type Load } from './use-load.ts';

export interface PortfolioView {
  portfolio: Portfolio;
  holdings: Holding[];
  performance: Performance;
}

/** Header shared by the portfolio's screens: name, currency, and links to its other screens. */
export function PortfolioHeader({ portfolio, current }: { portfolio: Portfolio; current: 'overview' | 'trade' | 'history' }): View {
  const base = `/portfolios/${encodeURIComponent(portfolio.id)}`;
  const tab = (name: typeof current, href: string, label: string, testid: string) =>
    html`<${Link} href=${href} class=${`tab${current === name ? ' active' : ''}`} testid=${testid}>${label}<//>`;
  return html`
    <header class="page-header">
      <div>
        <p class="breadcrumb"><${Link} href="/portfolios" testid="breadcrumb-portfolios">Portfolios<//> /</p>
        <h1 data-testid="portfolio-title">${portfolio.name}</h1>
        <p class="muted">${portfolio.baseCurrency}${portfolio.description ? ` · ${portfolio.description}` : ''}</p>
      </div>
      <nav class="tabs" aria-label="Portfolio">
        ${tab('overview', base, 'Overview', 'portfolio-overview-link')}
        ${tab('trade', `${base}/trade`, 'Record transaction', 'portfolio-trade-link')}
        ${tab('history', `${base}/history`, 'History', 'portfolio-history-link')}
      </nav>
    </header>
  `;
}

/** One portfolio: performance summary, allocation chart and holdings. */
export function PortfolioPage({ id }: { id: string }): View {
  const { client } = useApp();
  const [state, reload, replace] = useLoad<PortfolioView>(async () => {
    const [portfolio, holdings, performance] = await Promise.all([client.getPortfolio(id), client.listHoldings(id), client.getPerformance(id)]);
    return { portfolio, holdings, performance };
  }, [client, id]);
  useTitle(state.status === 'ready' ? state.data.portfolio.name : 'Portfolio');
  return html`<${PortfolioOverview} state=${state} reload=${reload} replace=${replace} />`;
}

/**
 * The portfolio screen in each state of its load: loading, not found, failed (with a retry), or the portfolio.
 * `replace` swaps in new data without a reload (a rename answers with the renamed portfolio).
 */
export function PortfolioOverview({ state, reload, replace }: { state: Load<PortfolioView>; reload: () => void; replace: (data: PortfolioView) => void }): View {
  if (state.status === 'loading') return html`<div class="page"><${Loading} what="portfolio" /></div>`;
  if (state.status === 'failed') {
    return html`<div class="page">${isNotFound(state.error) ? html`<${PortfolioNotFound} />` : html`<${LoadFailed} error=${state.error} retry=${reload} />`}</div>`;
  }
  const { portfolio, holdings, performance } = state.data;
  return html`
    <div class="page">
      <${PortfolioHeader} portfolio=${portfolio} current="overview" />
      <div class="grid-2">
        <${PerformanceSummary} performance=${performance} />
        <${AllocationChart} performance=${performance} />
      </div>
      <section class="card" aria-labelledby="holdings-heading">
        <h2 id="holdings-heading">Holdings</h2>
        <${HoldingsTable} holdings=${holdings} />
      </section>
      <${PortfolioSettings} portfolio=${portfolio} onRenamed=${(renamed: Portfolio) => replace({ ...state.data, portfolio: renamed })} />
    </div>
  `;
}
