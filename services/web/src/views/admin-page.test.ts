import test from 'ava';
import type { User } from '@ledgerline/api-schemas';
import { AdminPage } from './admin-page.ts';
import { html } from './html.ts';
import { render } from './testing.ts';

const someone = (role: User['role']): User => ({
  id: '8a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d', email: 'ada@example.test', fullName: 'Ada Lovelace', role, active: true,
  investmentProfile: { riskTolerance: 'moderate', horizonYears: 15, goals: ['retirement'] },
  createdAt: '2026-03-01T10:00:00.000Z', updatedAt: '2026-03-01T10:00:00.000Z',
});

test('a user who is not an admin sees "Admins only" and no admin form', (t) => {
  const view = render(html`<${AdminPage} me=${someone('user')} />`);
  t.regex(view.text('admin-forbidden'), /Admins only/);
  t.false(view.has('admin-deactivate-form'));
  t.false(view.has('admin-price-form'));
});

test('an admin sees the deactivation form at once and the prices once the instruments load', (t) => {
  const view = render(html`<${AdminPage} me=${someone('admin')} />`);
  t.false(view.has('admin-forbidden'));
  t.true(view.has('admin-deactivate-form'));
  t.is(view.text('admin-deactivate-submit'), 'Deactivate');
  t.false(view.has('admin-price-form'), 'the price form waits for the instrument list');
  t.regex(view.allText(), /Loading instruments/i);
});

test('while the account is not known yet, neither the forms nor "Admins only" are shown', (t) => {
  const view = render(html`<${AdminPage} me=${null} />`);
  t.false(view.has('admin-forbidden'));
  t.false(view.has('admin-deactivate-form'));
});
