import { useState } from 'preact/hooks';
import type { Instrument, User } from '@ledgerline/api-schemas';
import { deactivatedNotice, isAdmin, priceUpdatedNotice, withInstrument } from '../lib/admin.ts';
import { formatMoney } from '../lib/money.ts';
import { formatWhen } from '../lib/dates.ts';
import { useApp } from './context.ts';
import { html, valueOf, type View } from './html.ts';
import { Alert, Field, LoadFailed, Loading, Notice } from './ui.ts';
import { useLoad, useTitle } from './use-load.ts';
import { useSubmission } from './use-submission.ts';

/** Admin tools: deactivate a user, set an instrument's price. Shown to admins only; the API checks the role itself. */
export function AdminPage({ me }: { me: User | null }): View {
  useTitle('Admin');
  if (!me) return html`<div class="page"><${Loading} what="account" /></div>`;
  if (!isAdmin(me)) {
    return html`
      <section class="empty-state" data-testid="admin-forbidden">
        <h1>Admins only</h1>
        <p>This screen is for administrators.</p>
      </section>
    `;
  }
  return html`
    <div class="page">
      <header class="page-header"><h1>Admin</h1></header>
      <div class="columns">
        <${Prices} />
        <${Deactivate} />
      </div>
    </div>
  `;
}

function Deactivate(): View {
  const { client } = useApp();
  const [userId, setUserId] = useState('');
  const { fieldErrors, error, done, busy, submit } = useSubmission(['id']);
  const onSubmit = (event: Event) => {
    event.preventDefault();
    void submit(async () => {
      const user = await client.deactivateUser(userId.trim());
      setUserId('');
      return deactivatedNotice(user);
    }, (): Record<string, string> => (userId.trim() ? {} : { id: 'Enter the user’s id.' }));
  };

  return html`
    <section class="card side" aria-labelledby="deactivate-heading">
      <h2 id="deactivate-heading">Deactivate a user</h2>
      <form class="form" onSubmit=${onSubmit} novalidate data-testid="admin-deactivate-form">
        <${Field} label="User id" field="id" errors=${fieldErrors}>
          <input type="text" data-testid="admin-user-id" value=${userId} onInput=${(e: Event) => setUserId(valueOf(e))} />
        <//>
        ${error && html`<${Alert} testid="admin-deactivate-error">${error}<//>`}
        ${done && html`<${Notice} testid="admin-deactivate-success" kind="success">${done}<//>`}
        <button type="submit" class="button danger" data-testid="admin-deactivate-submit" disabled=${busy}>${busy ? 'Deactivating…' : 'Deactivate'}</button>
      </form>
    </section>
  `;
}

function Prices(): View {
  const { client } = useApp();
  const [state, reload, replace] = useLoad(() => client.listInstruments(), [client]);
  const [symbol, setSymbol] = useState('');
  const [price, setPrice] = useState('');
  const { fieldErrors, error, done, busy, submit } = useSubmission(['price']);
  const onSubmit = (event: Event) => {
    event.preventDefault();
    if (state.status !== 'ready' || !state.data.length) return;
    const list = state.data;
    void submit(async () => {
      const updated = await client.updatePrice(symbol || list[0].symbol, price.trim());
      replace(withInstrument(list, updated));
      setPrice('');
      return priceUpdatedNotice(updated);
    });
  };

  return html`
    <section class="card grow" aria-labelledby="prices-heading">
      <h2 id="prices-heading">Instrument prices</h2>
      ${state.status === 'loading' && html`<${Loading} what="instruments" />`}
      ${state.status === 'failed' && html`<${LoadFailed} error=${state.error} retry=${reload} />`}
      ${state.status === 'ready' && html`
        <form class="form" onSubmit=${onSubmit} novalidate data-testid="admin-price-form">
          <div class="row">
            <${Field} label="Instrument" field="symbol" errors=${fieldErrors}>
              <select data-testid="admin-price-symbol" value=${symbol || state.data[0]?.symbol} onChange=${(e: Event) => setSymbol(valueOf(e))}>
                ${state.data.map((i) => html`<option key=${i.symbol} value=${i.symbol}>${i.symbol} — ${i.name}</option>`)}
              </select>
            <//>
            <${Field} label="New price" field="price" errors=${fieldErrors}>
              <input type="text" inputmode="decimal" data-testid="admin-price-value" value=${price} onInput=${(e: Event) => setPrice(valueOf(e))} />
            <//>
          </div>
          ${error && html`<${Alert} testid="admin-price-error">${error}<//>`}
          ${done && html`<${Notice} testid="admin-price-success" kind="success">${done}<//>`}
          <button type="submit" class="button primary" data-testid="admin-price-submit" disabled=${busy}>${busy ? 'Saving…' : 'Set price'}</button>
        </form>
        <${InstrumentTable} items=${state.data} />
      `}
    </section>
  `;
}

function InstrumentTable({ items }: { items: Instrument[] }): View {
  return html`
    <div class="table-scroll" tabindex="0" role="region" aria-label="Instruments (scrolls sideways)">
      <table class="table" data-testid="admin-instruments">
        <thead><tr><th>Symbol</th><th>Name</th><th>Class</th><th class="num">Last price</th><th>Updated</th></tr></thead>
        <tbody>
          ${items.map((i) => html`
            <tr key=${i.symbol} data-testid=${`admin-instrument-${i.symbol}`}>
              <td class="symbol">${i.symbol}</td>
              <td>${i.name}</td>
              <td><span class="tag">${i.assetClass}</span></td>
              <td class="num" data-testid=${`admin-price-${i.symbol}`}>${formatMoney(i.lastPrice)}</td>
              <td>${formatWhen(i.priceUpdatedAt)}</td>
            </tr>
          `)}
        </tbody>
      </table>
    </div>
  `;
}
