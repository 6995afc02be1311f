import { useState } from 'preact/hooks';
import { CURRENCIES, type Portfolio } from '@ledgerline/api-schemas';
import { formFailure } from '../lib/form-errors.ts';
import { formatMoney } from '../lib/money.ts';
import { useApp } from './context.ts';
import { html, valueOf, type View } from './html.ts';
import { Alert, Field, Link, LoadFailed, Loading, Notice } from './ui.ts';
import { useLoad, useTitle } from './use-load.ts';

/** The user's portfolios and a form to create one. */
export function PortfoliosPage(): View {
  const { client } = useApp();
  useTitle('Portfolios');
  const [list, reload] = useLoad(() => client.listPortfolios(), [client]);

  return html`
    <div class="page">
      <header class="page-header">
        <h1>Your portfolios</h1>
      </header>
      <div class="columns">
        <section class="card grow" aria-labelledby="portfolio-list-heading">
          <h2 id="portfolio-list-heading">Portfolios</h2>
          ${list.status === 'loading' && html`<${Loading} what="portfolios" />`}
          ${list.status === 'failed' && html`<${LoadFailed} error=${list.error} retry=${reload} />`}
          ${list.status === 'ready' && html`<${PortfolioTable} items=${list.data.items} />`}
        </section>
        <${CreatePortfolio} onCreated=${reload} />
      </div>
    </div>
  `;
}

/** The user's portfolios with their cash, or the empty state. */
export function PortfolioTable({ items }: { items: Portfolio[] }): View {
  if (items.length === 0) {
    return html`<p class="empty" data-testid="portfolio-list-empty">No portfolios yet. Create your first one with the form.</p>`;
  }
  return html`
    <div class="table-scroll" tabindex="0" role="region" aria-label="Portfolios (scrolls sideways)">
      <table class="table" data-testid="portfolio-list">
        <thead><tr><th>Name</th><th>Currency</th><th class="num">Cash</th><th></th></tr></thead>
        <tbody>
          ${items.map((p) => html`
            <tr key=${p.id} data-testid=${`portfolio-row-${p.id}`} data-portfolio-name=${p.name}>
              <td>
                <${Link} href=${`/portfolios/${encodeURIComponent(p.id)}`} testid=${`portfolio-link-${p.id}`}>${p.name}<//>
                ${p.description && html`<div class="muted small">${p.description}</div>`}
              </td>
              <td>${p.baseCurrency}</td>
              <td class="num" data-testid=${`portfolio-cash-${p.id}`}>${formatMoney(p.cash)}</td>
              <td class="actions">
                <${Link} href=${`/portfolios/${encodeURIComponent(p.id)}/trade`} class="button small secondary" testid=${`portfolio-trade-${p.id}`}>Record<//>
              </td>
            </tr>
          `)}
        </tbody>
      </table>
    </div>
  `;
}

function CreatePortfolio({ onCreated }: { onCreated: () => void }): View {
  const { client } = useApp();
  const [name, setName] = useState('');
  const [currency, setCurrency] = useState<string>('USD');
  const [description, setDescription] = useState('');
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [created, setCreated] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    setError(null);
    setCreated(null);
    if (!name.trim()) {
      setFieldErrors({ name: 'Give the portfolio a name.' });
      return;
    }
    setFieldErrors({});
    setBusy(true);
    try {
      const portfolio = await client.createPortfolio({ name: name.trim(), baseCurrency: currency, ...(description.trim() ? { description: description.trim() } : {}) });
      setName('');
      setDescription('');
      setCreated(`Created “${portfolio.name}”.`);
      onCreated();
    } catch (failure) {
      const { fieldErrors: errors, message } = formFailure(failure, ['name', 'baseCurrency', 'description']);
      setFieldErrors(errors);
      setError(message);
    } finally {
      setBusy(false);
    }
  };

  return html`
    <section class="card side" aria-labelledby="create-heading">
      <h2 id="create-heading">New portfolio</h2>
      <form class="form" onSubmit=${submit} novalidate>
        <${Field} label="Name" field="name" errors=${fieldErrors}>
          <input type="text" data-testid="portfolio-create-name" value=${name} maxlength="100" onInput=${(e: Event) => setName(valueOf(e))} />
        <//>
        <${Field} label="Base currency" field="baseCurrency" errors=${fieldErrors}>
          <select data-testid="portfolio-create-currency" value=${currency} onChange=${(e: Event) => setCurrency(valueOf(e))}>
            ${CURRENCIES.map((c) => html`<option key=${c} value=${c}>${c}</option>`)}
          </select>
        <//>
        <${Field} label="Description (optional)" field="description" errors=${fieldErrors}>
          <input type="text" data-testid="portfolio-create-description" value=${description} onInput=${(e: Event) => setDescription(valueOf(e))} />
        <//>
        ${error && html`<${Alert} testid="portfolio-create-error">${error}<//>`}
        ${created && html`<${Notice} testid="portfolio-create-success" kind="success">${created}<//>`}
        <button type="submit" class="button primary" data-testid="portfolio-create-submit" disabled=${busy}>${busy ? 'Creating…' : 'Create portfolio'}</button>
      </form>
    </section>
  `;
}
