import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError } from '../api/api-error.ts';
import { TRADE_TYPES, type Portfolio, type Transaction } from '@ledgerline/api-schemas';
import { formatWhen } from '../lib/dates.ts';
import { checkFilters, EMPTY_FILTERS, historyQuery, type HistoryFilters } from '../lib/history-filters.ts';
import { errorMessage } from '../lib/messages.ts';
import { formatDecimal, formatMoney } from '../lib/money.ts';
import { PENDING_REFRESH_MS, pendingIds, withRefreshed } from '../lib/pending.ts';
import { TRADE_TYPE_LABELS } from '../lib/trade-form.ts';
import { useApp } from './context.ts';
import { html, valueOf, type View } from './html.ts';
import { PortfolioHeader } from './portfolio-page.ts';
import { Alert, Field, isNotFound, LoadFailed, Loading, PortfolioNotFound } from './ui.ts';
import { useLoad, useTitle, type Load } from './use-load.ts';

/** A portfolio's transactions, newest first, with filters and "Load more". */
export function HistoryPage({ id }: { id: string }): View {
  const { client } = useApp();
  const [state, reload] = useLoad<Portfolio>(() => client.getPortfolio(id), [client, id]);
  useTitle(state.status === 'ready' ? `History · ${state.data.name}` : 'History');
  return html`<${HistoryScreen} state=${state} reload=${reload} />`;
}

/** The history screen in each state of the portfolio's load (the transactions load once the portfolio is there). */
export function HistoryScreen({ state, reload }: { state: Load<Portfolio>; reload: () => void }): View {
  if (state.status === 'loading') return html`<div class="page"><${Loading} what="portfolio" /></div>`;
  if (state.status === 'failed') {
    return html`<div class="page">${isNotFound(state.error) ? html`<${PortfolioNotFound} />` : html`<${LoadFailed} error=${state.error} retry=${reload} />`}</div>`;
  }
  return html`
    <div class="page">
      <${PortfolioHeader} portfolio=${state.data} current="history" />
      <${History} portfolio=${state.data} />
    </div>
  `;
}

interface Listing {
  items: Transaction[];
  nextCursor: string | null;
}

function History({ portfolio }: { portfolio: Portfolio }): View {
  const { client } = useApp();
  const [draft, setDraft] = useState<HistoryFilters>(EMPTY_FILTERS);
  const [applied, setApplied] = useState<HistoryFilters>(EMPTY_FILTERS);
  const [listing, setListing] = useState<Listing | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [filterErrors, setFilterErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const latest = useRef(0);

  /** Loads a page; only the answer to the latest request is shown. */
  const fetchPage = async (filters: HistoryFilters, cursor: string | null, previous: Transaction[]) => {
    const request = ++latest.current;
    setBusy(true);
    setError(null);
    try {
      const page = await client.listTransactions(historyQuery(portfolio.id, filters, cursor));
      if (request === latest.current) setListing({ items: [...previous, ...page.items], nextCursor: page.nextCursor ?? null });
    } catch (failure) {
      if (request !== latest.current || (failure instanceof ApiError && failure.code === 'session_expired')) return;
      if (failure instanceof ApiError) setFilterErrors(failure.fieldErrors);
      setError(errorMessage(failure));
    } finally {
      if (request === latest.current) setBusy(false);
    }
  };

  useEffect(() => {
    void fetchPage(EMPTY_FILTERS, null, []);
    // first page once per portfolio; later pages come from the buttons
  }, [portfolio.id]);

  // Pending rows are asked about again until they settle; the page of rows stays as it is around them.
  const waiting = listing ? pendingIds(listing.items).join(',') : '';
  useEffect(() => {
    if (!waiting) return;
    let current = true;
    const timer = setTimeout(() => {
      const request = latest.current;
      Promise.all(waiting.split(',').map((id) => client.getTransaction(id))).then(
        (fresh) => {
          if (current && request === latest.current) setListing((shown) => shown && { ...shown, items: withRefreshed(shown.items, fresh) });
        },
        () => current && setListing((shown) => shown && { ...shown }), // ask again after the next interval
      );
    }, PENDING_REFRESH_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [waiting, listing]);

  const apply = (event: Event) => {
    event.preventDefault();
    const problems = checkFilters(draft);
    setFilterErrors(problems);
    if (Object.keys(problems).length) return;
    setApplied(draft);
    setListing(null);
    void fetchPage(draft, null, []);
  };
  const clear = () => {
    setDraft(EMPTY_FILTERS);
    setApplied(EMPTY_FILTERS);
    setFilterErrors({});
    setListing(null);
    void fetchPage(EMPTY_FILTERS, null, []);
  };
  const loadMore = () => listing?.nextCursor && fetchPage(applied, listing.nextCursor, listing.items);
  const set = (field: keyof HistoryFilters) => (event: Event) => setDraft((d) => ({ ...d, [field]: valueOf(event) }));

  return html`
    <section class="card" aria-labelledby="history-heading">
      <h2 id="history-heading">Transactions</h2>
      <form class="filters" onSubmit=${apply} novalidate data-testid="history-filters">
        <${Field} label="Type" field="type" errors=${filterErrors}>
          <select data-testid="history-filter-type" value=${draft.type} onChange=${set('type')}>
            <option value="">All types</option>
            ${TRADE_TYPES.map((type) => html`<option key=${type} value=${type}>${TRADE_TYPE_LABELS[type]}</option>`)}
          </select>
        <//>
        <${Field} label="Symbol" field="symbol" errors=${filterErrors}>
          <input type="text" placeholder="Any" autocapitalize="characters" data-testid="history-filter-symbol" value=${draft.symbol} onInput=${set('symbol')} />
        <//>
        <${Field} label="From" field="from" errors=${filterErrors}>
          <input type="date" data-testid="history-filter-from" value=${draft.from} onInput=${set('from')} />
        <//>
        <${Field} label="To" field="to" errors=${filterErrors}>
          <input type="date" data-testid="history-filter-to" value=${draft.to} onInput=${set('to')} />
        <//>
        <div class="filter-actions">
          <button type="submit" class="button primary" data-testid="history-apply" disabled=${busy}>Apply</button>
          <button type="button" class="button secondary" data-testid="history-clear" onClick=${clear} disabled=${busy}>Clear</button>
        </div>
      </form>
      ${error && html`<${Alert} testid="history-error">${error}<//>`}
      ${listing === null && busy && html`<${Loading} what="transactions" />`}
      ${listing !== null && html`<${HistoryTable} items=${listing.items} currency=${portfolio.baseCurrency} />`}
      ${listing?.nextCursor && html`
        <div class="load-more">
          <button type="button" class="button secondary" data-testid="history-load-more" onClick=${loadMore} disabled=${busy}>${busy ? 'Loading…' : 'Load more'}</button>
        </div>
      `}
    </section>
  `;
}

/** The rows shown, newest first (the API's order). */
export function HistoryTable({ items, currency }: { items: Transaction[]; currency: string }): View {
  if (items.length === 0) return html`<p class="empty" data-testid="history-empty">No transactions match.</p>`;
  return html`
    <div class="table-scroll" tabindex="0" role="region" aria-label="Transactions (scrolls sideways)">
      <table class="table" data-testid="history-table" aria-label=${`Transactions (${currency})`}>
        <thead>
          <tr><th>Date</th><th>Type</th><th>Symbol</th><th class="num">Quantity</th><th class="num">Price</th><th class="num">Amount</th><th class="num">Fees</th><th>Status</th></tr>
        </thead>
        <tbody>
          ${items.map((tx) => html`
            <tr key=${tx.id} data-testid="history-row" data-transaction-id=${tx.id} data-type=${tx.type} data-status=${tx.status}>
              <td data-testid="history-date">${formatWhen(tx.executedAt)}</td>
              <td data-testid="history-type"><span class=${`tag type-${tx.type}`}>${TRADE_TYPE_LABELS[tx.type] ?? tx.type}</span></td>
              <td data-testid="history-symbol" class="symbol">${tx.symbol ?? ''}</td>
              <td class="num" data-testid="history-quantity">${formatDecimal(tx.quantity)}</td>
              <td class="num" data-testid="history-price">${formatMoney(tx.price)}</td>
              <td class="num" data-testid="history-amount">${formatMoney(tx.amount)}</td>
              <td class="num" data-testid="history-fees">${formatMoney(tx.fees)}</td>
              <td data-testid="history-status">${tx.status === 'pending'
                ? html`<span class="badge pending" data-testid="history-pending" title="Not yet confirmed by the portfolio; applied automatically">Pending</span>`
                : html`<span class="badge done">Done</span>`}</td>
            </tr>
          `)}
        </tbody>
      </table>
    </div>
  `;
}
