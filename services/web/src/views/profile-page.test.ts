import test from 'ava';
import { html } from './html.ts';
import { ProfilePage } from './profile-page.ts';
import { render } from './testing.ts';

test('the profile screen shows its loading state until GET /auth/me answers, and no form yet', (t) => {
  const view = render(html`<${ProfilePage} onSaved=${() => undefined} />`);
  t.regex(view.allText(), /Your profile/);
  t.regex(view.allText(), /Loading profile/i);
  t.false(view.has('profile-form'));
});
