import { useState } from 'preact/hooks';
import { loginErrorMessage } from '../lib/messages.ts';
import { useApp } from './context.ts';
import { html, valueOf, type View } from './html.ts';
import { Alert, Link, Notice } from './ui.ts';
import { useTitle } from './use-load.ts';

export interface LoginPageProps {
  /** "Your session has expired…" after an expiry. */
  sessionMessage: string | null;
  /** e.g. "You have been logged out." */
  notice: string | null;
  onSignedIn: () => void;
}

/** Log in with email and password. */
export function LoginPage({ sessionMessage, notice, onSignedIn }: LoginPageProps): View {
  const { client } = useApp();
  useTitle('Log in');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      await client.login({ email: email.trim(), password });
      onSignedIn();
    } catch (failure) {
      setError(loginErrorMessage(failure));
      setBusy(false);
    }
  };

  return html`
    <section class="auth-card">
      <h1>Log in</h1>
      ${sessionMessage && html`<${Notice} testid="session-message" kind="warning">${sessionMessage}<//>`}
      ${notice && !sessionMessage && html`<${Notice} testid="login-notice">${notice}<//>`}
      <form class="form" onSubmit=${submit} novalidate>
        <div class="field">
          <label>
            <span class="field-label">Email</span>
            <input type="email" name="email" autocomplete="username" data-testid="login-email" value=${email} onInput=${(e: Event) => setEmail(valueOf(e))} />
          </label>
        </div>
        <div class="field">
          <label>
            <span class="field-label">Password</span>
            <input type="password" name="password" autocomplete="current-password" data-testid="login-password" value=${password} onInput=${(e: Event) => setPassword(valueOf(e))} />
          </label>
        </div>
        ${error && html`<${Alert} testid="login-error">${error}<//>`}
        <button type="submit" class="button primary" data-testid="login-submit" disabled=${busy}>${busy ? 'Logging in…' : 'Log in'}</button>
      </form>
      <p class="muted">New to Ledgerline? <${Link} href="/register" testid="link-register">Create an account<//></p>
    </section>
  `;
}
