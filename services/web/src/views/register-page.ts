import { useEffect, useState } from 'preact/hooks';
import { ApiError } from '../api/api-error.ts';
import { GOALS, type Goal, type PasswordRule, type RegisterRequest, type RiskTolerance } from '@ledgerline/api-schemas';
import { horizonValue } from '../lib/profile-form.ts';
import { unclaimedErrors } from '../lib/form-errors.ts';
import { errorMessage, loginErrorMessage } from '../lib/messages.ts';
import { useApp } from './context.ts';
import { html, valueOf, type View } from './html.ts';
import { InvestmentProfileFields } from './investment-profile-fields.ts';
import { Alert, Field, Link } from './ui.ts';
import { useTitle } from './use-load.ts';

const SHOWN_FIELDS = ['email', 'password', 'fullName', 'investmentProfile.riskTolerance', 'investmentProfile.horizonYears', 'investmentProfile.goals'];

/** Create an account; on success the user is logged in straight away. */
export function RegisterPage({ onSignedIn }: { onSignedIn: () => void }): View {
  const { client } = useApp();
  useTitle('Create an account');
  const [rules, setRules] = useState<PasswordRule[] | null>(null);
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [fullName, setFullName] = useState('');
  const [risk, setRisk] = useState<RiskTolerance>('moderate');
  const [horizon, setHorizon] = useState('10');
  const [goals, setGoals] = useState<Goal[]>([]);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [brokenRules, setBrokenRules] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let current = true;
    client.passwordPolicy().then((policy) => current && setRules(policy.rules), () => current && setRules([]));
    return () => {
      current = false;
    };
  }, [client]);

  const submit = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    setFieldErrors({});
    setBrokenRules([]);
    const body = {
      email: email.trim(),
      password,
      fullName: fullName.trim(),
      investmentProfile: { riskTolerance: risk, horizonYears: horizonValue(horizon), goals: GOALS.filter((g) => goals.includes(g)) },
    } as RegisterRequest;
    try {
      await client.register(body);
    } catch (failure) {
      setBusy(false);
      if (!(failure instanceof ApiError)) return setError(errorMessage(failure));
      const errors = { ...failure.fieldErrors };
      if (failure.code === 'email_taken' && !errors.email) errors.email = failure.detail;
      setFieldErrors(errors);
      setBrokenRules(failure.errors.filter((e) => e.code.startsWith('password_')).map((e) => e.code.slice('password_'.length)));
      const rest = unclaimedErrors(errors, SHOWN_FIELDS);
      setError([failure.detail, ...rest].join(' '));
      return;
    }
    try {
      await client.login({ email: body.email, password });
      onSignedIn();
    } catch (failure) {
      setBusy(false);
      setError(`Your account was created, but logging in failed: ${loginErrorMessage(failure)} Please log in.`);
    }
  };

  return html`
    <section class="auth-card wide">
      <h1>Create your account</h1>
      <form class="form" onSubmit=${submit} novalidate>
        <${Field} label="Email" field="email" errors=${fieldErrors}>
          <input type="email" autocomplete="email" data-testid="register-email" value=${email} onInput=${(e: Event) => setEmail(valueOf(e))} />
        <//>
        <${Field} label="Password" field="password" errors=${fieldErrors} hint=${html`
          <ul class="rules" data-testid="password-rules" aria-label="Password rules">
            ${rules === null ? html`<li class="muted">Loading the password rules…</li>` : rules.map((rule) => html`
              <li key=${rule.code} class=${brokenRules.includes(rule.code) ? 'broken' : ''} data-testid=${`password-rule-${rule.code}`}>${rule.text}</li>
            `)}
          </ul>`}>
          <input type="password" autocomplete="new-password" data-testid="register-password" value=${password} onInput=${(e: Event) => setPassword(valueOf(e))} />
        <//>
        <${Field} label="Full name" field="fullName" errors=${fieldErrors}>
          <input type="text" autocomplete="name" data-testid="register-fullname" value=${fullName} onInput=${(e: Event) => setFullName(valueOf(e))} />
        <//>
        <${InvestmentProfileFields} testid="register" risk=${risk} horizon=${horizon} goals=${goals} errors=${fieldErrors} onRisk=${setRisk} onHorizon=${setHorizon} onGoals=${setGoals} />
        ${error && html`<${Alert} testid="register-error">${error}<//>`}
        <button type="submit" class="button primary" data-testid="register-submit" disabled=${busy}>${busy ? 'Creating your account…' : 'Create account'}</button>
      </form>
      <p class="muted">Already have an account? <${Link} href="/login" testid="link-login">Log in<//></p>
    </section>
  `;
}
