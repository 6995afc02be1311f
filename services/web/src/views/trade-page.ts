import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError } from '../api/api-error.ts';
import { TRADE_TYPES, type Instrument, type Portfolio, type TradeType } from '@ledgerline/api-schemas';
import { unclaimedErrors } from '../lib/form-errors.ts';
import { tradeErrorMessage } from '../lib/messages.ts';
import { formatMoney } from '../lib/money.ts';
import { PENDING_REFRESH_MS } from '../lib/pending.ts';
import { SubmissionKeys } from '../lib/submission-key.ts';
import {
  describeRecorded, emptyTradeForm, fieldsFor, missingTradeFields, toTransactionRequest, TRADE_FIELD_LABELS, TRADE_TYPE_LABELS,
  type TradeField, type TradeFormValues,
} from '../lib/trade-form.ts';
import { useApp } from './context.ts';
import { html, valueOf, type View } from './html.ts';
import { PortfolioHeader } from './portfolio-page.ts';
import { Alert, Field, isNotFound, LoadFailed, Loading, Notice, PortfolioNotFound } from './ui.ts';
import { useLoad, useTitle, type Load } from './use-load.ts';

const INPUT_TESTID: Record<TradeField, string> = {
  symbol: 'trade-symbol',
  quantity: 'trade-quantity',
  price: 'trade-price',
  amount: 'trade-amount',
  fees: 'trade-fees',
  executedAt: 'trade-date',
};
const PLACEHOLDER: Partial<Record<TradeField, string>> = { symbol: 'e.g. AAPL', quantity: 'e.g. 10', price: 'e.g. 187.25', amount: 'e.g. 1000.00', fees: '0.00' };

/** Record a buy, sell, deposit, withdrawal, dividend or fee for one portfolio. */
export function TradePage({ id }: { id: string }): View {
  const { client } = useApp();
  const [state, reload, replace] = useLoad<Portfolio>(() => client.getPortfolio(id), [client, id]);
  const [instruments] = useLoad<Instrument[]>(() => client.listInstruments().catch(() => []), [client]);
  useTitle(state.status === 'ready' ? `Record · ${state.data.name}` : 'Record transaction');
  return html`<${TradeScreen} state=${state} instruments=${instruments.status === 'ready' ? instruments.data : []} reload=${reload} replace=${replace} />`;
}

/** The trade screen in each state of the portfolio's load; `replace` shows the cash a recorded transaction left. */
export function TradeScreen(props: { state: Load<Portfolio>; instruments: Instrument[]; reload: () => void; replace: (portfolio: Portfolio) => void }): View {
  const { state } = props;
  if (state.status === 'loading') return html`<div class="page"><${Loading} what="portfolio" /></div>`;
  if (state.status === 'failed') {
    return html`<div class="page">${isNotFound(state.error) ? html`<${PortfolioNotFound} />` : html`<${LoadFailed} error=${state.error} retry=${props.reload} />`}</div>`;
  }
  const portfolio = state.data;
  return html`
    <div class="page">
      <${PortfolioHeader} portfolio=${portfolio} current="trade" />
      <section class="card narrow" aria-labelledby="trade-heading">
        <h2 id="trade-heading">Record a transaction</h2>
        <p class="muted">Available cash: <strong data-testid="trade-cash">${formatMoney(portfolio.cash, portfolio.baseCurrency)}</strong></p>
        <${TradeForm}
          portfolio=${portfolio}
          instruments=${props.instruments}
          onCash=${(cash: string) => props.replace({ ...portfolio, cash })}
        />
      </section>
    </div>
  `;
}

function TradeForm(props: { portfolio: Portfolio; instruments: Instrument[]; onCash: (cash: string) => void }): View {
  const { client } = useApp();
  const keys = useRef(new SubmissionKeys());
  const [values, setValues] = useState<TradeFormValues>(emptyTradeForm('buy'));
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [success, setSuccess] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  /** The last recorded transaction while it is pending: asked about again (round by round) until it settles. */
  const [pending, setPending] = useState<{ id: string; round: number } | null>(null);
  const fields = fieldsFor(values.type);

  useEffect(() => {
    if (!pending) return;
    let current = true;
    const askAgain = () => current && setPending({ id: pending.id, round: pending.round + 1 });
    const timer = setTimeout(() => {
      client.getTransaction(pending.id).then((fresh) => {
        if (!current) return;
        if (fresh.status === 'pending') return askAgain();
        setPending(null);
        if (fresh.status === 'rejected') {
          setSuccess(null);
          setError(`Not recorded: ${fresh.rejection?.detail ?? 'the portfolio refused it.'}`);
          return;
        }
        setSuccess(describeRecorded(fresh, props.portfolio.baseCurrency));
        if (fresh.result?.cash) props.onCash(fresh.result.cash);
      }, askAgain);
    }, PENDING_REFRESH_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [pending]);

  const set = (field: keyof TradeFormValues) => (event: Event) => setValues((v) => ({ ...v, [field]: valueOf(event) }));
  const changeType = (event: Event) => {
    setValues((v) => ({ ...v, type: valueOf(event) as TradeType }));
    setFieldErrors({});
    setError(null);
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    setError(null);
    setSuccess(null);
    const missing = missingTradeFields(values);
    setFieldErrors(missing);
    if (Object.keys(missing).length) return;
    const body = toTransactionRequest(props.portfolio.id, values);
    const key = keys.current.keyFor(body);
    setBusy(true);
    try {
      const recorded = await client.recordTransaction(body, key);
      keys.current.settle();
      setSuccess(describeRecorded(recorded, props.portfolio.baseCurrency));
      setPending(recorded.status === 'pending' ? { id: recorded.id, round: 0 } : null);
      setValues(emptyTradeForm(values.type));
      if (recorded.result?.cash) props.onCash(recorded.result.cash);
    } catch (failure) {
      keys.current.settle(failure);
      if (failure instanceof ApiError && failure.code === 'session_expired') return;
      const errors = failure instanceof ApiError ? failure.fieldErrors : {};
      setFieldErrors(errors);
      setError([tradeErrorMessage(failure), ...unclaimedErrors(errors, fields)].join(' '));
    } finally {
      setBusy(false);
    }
  };

  const input = (field: TradeField) => {
    if (field === 'executedAt') {
      return html`<input type="date" data-testid="trade-date" value=${values.executedAt} onInput=${set('executedAt')} />`;
    }
    return html`<input
      type="text"
      inputmode=${field === 'symbol' ? 'text' : 'decimal'}
      autocomplete="off"
      autocapitalize=${field === 'symbol' ? 'characters' : 'off'}
      list=${field === 'symbol' ? 'instrument-options' : undefined}
      placeholder=${PLACEHOLDER[field]}
      data-testid=${INPUT_TESTID[field]}
      value=${values[field]}
      onInput=${set(field)}
    />`;
  };

  return html`
    <form class="form" onSubmit=${submit} novalidate data-testid="trade-form">
      <${Field} label="Type" field="type" errors=${fieldErrors}>
        <select data-testid="trade-type" value=${values.type} onChange=${changeType}>
          ${TRADE_TYPES.map((type) => html`<option key=${type} value=${type}>${TRADE_TYPE_LABELS[type]}</option>`)}
        </select>
      <//>
      <div class="row wrap">
        ${fields.map((field) => html`
          <${Field} key=${field} label=${TRADE_FIELD_LABELS[field]} field=${field} errors=${fieldErrors}>${input(field)}<//>
        `)}
      </div>
      <datalist id="instrument-options">
        ${props.instruments.map((i) => html`<option key=${i.symbol} value=${i.symbol}>${i.name}</option>`)}
      </datalist>
      ${error && html`<${Alert} testid="trade-error">${error}<//>`}
      ${success && html`<${Notice} testid="trade-success" kind=${pending ? 'info' : 'success'}>
        ${pending && html`<span class="badge pending" data-testid="trade-pending">Pending</span> `}${success}
      <//>`}
      <button type="submit" class="button primary" data-testid="trade-submit" disabled=${busy}>${busy ? 'Recording…' : 'Record'}</button>
    </form>
  `;
}
