import { useState } from 'preact/hooks';
import { GOALS, type Goal, type RiskTolerance, type User } from '@ledgerline/api-schemas';
import { profileChanges, profileDraft, type ProfileDraft } from '../lib/profile-form.ts';
import { useApp } from './context.ts';
import { html, valueOf, type View } from './html.ts';
import { InvestmentProfileFields } from './investment-profile-fields.ts';
import { Alert, Field, LoadFailed, Loading, Notice } from './ui.ts';
import { useLoad, useTitle } from './use-load.ts';
import { useSubmission } from './use-submission.ts';

const SHOWN_FIELDS = ['fullName', 'investmentProfile.riskTolerance', 'investmentProfile.horizonYears', 'investmentProfile.goals'];

/** The signed-in user's profile (GET /auth/me) with a form to change the name and investment profile (PATCH /auth/me). */
export function ProfilePage({ onSaved }: { onSaved: (user: User) => void }): View {
  const { client } = useApp();
  useTitle('Your profile');
  const [state, reload, replace] = useLoad(() => client.me(), [client]);

  return html`
    <div class="page">
      <header class="page-header"><h1>Your profile</h1></header>
      ${state.status === 'loading' && html`<${Loading} what="profile" />`}
      ${state.status === 'failed' && html`<${LoadFailed} error=${state.error} retry=${reload} />`}
      ${state.status === 'ready' && html`<${ProfileForm} user=${state.data} onSaved=${(user: User) => {
        replace(user);
        onSaved(user);
      }} />`}
    </div>
  `;
}

function ProfileForm({ user, onSaved }: { user: User; onSaved: (user: User) => void }): View {
  const { client } = useApp();
  const [draft, setDraft] = useState<ProfileDraft>(() => profileDraft(user));
  const { fieldErrors, error, done: saved, busy, submit } = useSubmission(SHOWN_FIELDS);
  const set = <K extends keyof ProfileDraft>(field: K, value: ProfileDraft[K]) => setDraft((d) => ({ ...d, [field]: value }));

  const onSubmit = (event: Event) => {
    event.preventDefault();
    void submit(async () => {
      const changes = profileChanges(user, draft, GOALS);
      if (!changes) return 'Nothing to save: the profile is unchanged.';
      onSaved(await client.updateMe(changes));
      return 'Your profile has been saved.';
    });
  };

  return html`
    <section class="card" aria-labelledby="profile-heading">
      <h2 id="profile-heading">Account</h2>
      <dl class="facts">
        <div><dt>Email</dt><dd data-testid="profile-email">${user.email}</dd></div>
        <div><dt>Role</dt><dd data-testid="profile-role">${user.role}</dd></div>
      </dl>
      <form class="form" onSubmit=${onSubmit} novalidate data-testid="profile-form">
        <${Field} label="Full name" field="fullName" errors=${fieldErrors}>
          <input type="text" autocomplete="name" data-testid="profile-fullname" value=${draft.fullName} onInput=${(e: Event) => set('fullName', valueOf(e))} />
        <//>
        <${InvestmentProfileFields} testid="profile" risk=${draft.riskTolerance} horizon=${draft.horizon} goals=${draft.goals} errors=${fieldErrors}
          onRisk=${(risk: RiskTolerance) => set('riskTolerance', risk)} onHorizon=${(horizon: string) => set('horizon', horizon)} onGoals=${(goals: Goal[]) => set('goals', goals)} />
        ${error && html`<${Alert} testid="profile-error">${error}<//>`}
        ${saved && html`<${Notice} testid="profile-success" kind="success">${saved}<//>`}
        <button type="submit" class="button primary" data-testid="profile-submit" disabled=${busy}>${busy ? 'Saving…' : 'Save profile'}</button>
      </form>
    </section>
  `;
}
