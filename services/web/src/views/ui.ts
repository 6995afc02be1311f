import type { ComponentChildren } from 'preact';
import { ApiError } from '../api/api-error.ts';
import { fieldError } from '../lib/form-errors.ts';
import { errorMessage } from '../lib/messages.ts';
import { formatSigned, formatSignedPercent, pnlClass } from '../lib/money.ts';
import { useApp } from './context.ts';
import { html, type View } from './html.ts';

/** An in-app link: a real <a href> (open in new tab works) that navigates without a reload on a plain click. */
export function Link(props: { href: string; class?: string; testid?: string; children?: ComponentChildren }): View {
  const { navigate } = useApp();
  const onClick = (event: MouseEvent) => {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(props.href);
  };
  return html`<a href=${props.href} class=${props.class} data-testid=${props.testid} onClick=${onClick}>${props.children}</a>`;
}

/** A labelled form control with its server or client error underneath (data-testid="field-error-<field>"). */
export function Field(props: { label: string; field: string; errors: Record<string, string>; hint?: ComponentChildren; children?: ComponentChildren }): View {
  const message = fieldError(props.errors, props.field);
  return html`
    <div class=${`field${message ? ' has-error' : ''}`}>
      <label>
        <span class="field-label">${props.label}</span>
        ${props.children}
      </label>
      ${message && html`<p class="field-error" data-testid=${`field-error-${props.field}`}>${message}</p>`}
      ${props.hint}
    </div>
  `;
}

/** An error box for a form or a screen. */
export function Alert(props: { testid: string; children?: ComponentChildren }): View {
  return html`<div class="alert alert-error" role="alert" data-testid=${props.testid}>${props.children}</div>`;
}

/** A neutral or success message. */
export function Notice(props: { testid: string; kind?: 'info' | 'success' | 'warning'; children?: ComponentChildren }): View {
  return html`<div class=${`alert alert-${props.kind ?? 'info'}`} role="status" data-testid=${props.testid}>${props.children}</div>`;
}

export function Loading(props: { what?: string }): View {
  return html`<p class="loading" data-testid="loading" aria-busy="true">Loading${props.what ? ` ${props.what}` : ''}…</p>`;
}

/** A screen whose data could not be loaded, with a retry button (nothing for an expired session: the app moves to login). */
export function LoadFailed(props: { error: unknown; retry: () => void }): View {
  if (props.error instanceof ApiError && props.error.code === 'session_expired') return null;
  return html`
    <${Alert} testid="page-error">
      <p>${errorMessage(props.error)}</p>
      <button type="button" class="button secondary" data-testid="page-retry" onClick=${props.retry}>Try again</button>
    <//>
  `;
}

/** A P/L amount, signed and coloured. */
export function Pnl(props: { value: string | null | undefined; percent?: boolean; testid?: string }): View {
  const text = props.percent ? formatSignedPercent(props.value) : formatSigned(props.value);
  return html`<span class=${`pnl ${pnlClass(props.value)}`} data-testid=${props.testid}>${text}</span>`;
}

/** The "Portfolio not found" screen (a missing id, or another user's portfolio: the API answers 404 for both). */
export function PortfolioNotFound(): View {
  return html`
    <section class="empty-state" data-testid="portfolio-not-found">
      <h1>Portfolio not found</h1>
      <p>This portfolio does not exist, or it is not yours.</p>
      <${Link} href="/portfolios" class="button" testid="back-to-portfolios">Back to your portfolios<//>
    </section>
  `;
}

/** Whether an error is the API's 404. */
export function isNotFound(error: unknown): boolean {
  return error instanceof ApiError && error.status === 404;
}
