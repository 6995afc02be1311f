import test from 'ava';
import { GOALS } from '@ledgerline/api-schemas';
import { html } from './html.ts';
import { RegisterPage } from './register-page.ts';
import { render } from './testing.ts';

test('the form asks for everything the API needs, one checkbox per goal, with sensible defaults', (t) => {
  const view = render(html`<${RegisterPage} onSignedIn=${() => undefined} />`);
  for (const testid of ['register-email', 'register-password', 'register-fullname', 'register-risk', 'register-horizon']) t.true(view.has(testid), testid);
  t.deepEqual(view.testids('register-goal-'), GOALS.map((goal) => `register-goal-${goal}`));
  t.is(view.text('register-risk'), 'Conservative Moderate Aggressive');
  t.is(view.attr('register-horizon', 'value'), '10');
  t.is(view.text('register-submit'), 'Create account');
});

test('until the password policy has loaded, the rules say they are loading; no error is shown yet', (t) => {
  const view = render(html`<${RegisterPage} onSignedIn=${() => undefined} />`);
  t.is(view.text('password-rules'), 'Loading the password rules…');
  t.deepEqual(view.testids('field-error-'), []);
  t.false(view.has('register-error'));
});
