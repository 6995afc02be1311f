import test from 'ava';
import { LOGIN_MESSAGES } from '../lib/messages.ts';
import { SESSION_EXPIRED_MESSAGE } from '../api/session.ts';
import { html } from './html.ts';
import { LoginPage } from './login-page.ts';
import { render } from './testing.ts';

test('a fresh login form: email and password, an enabled submit, no error and no notice', (t) => {
  const view = render(html`<${LoginPage} sessionMessage=${null} notice=${null} onSignedIn=${() => undefined} />`);
  t.is(view.attr('login-email', 'type'), 'email');
  t.is(view.attr('login-password', 'type'), 'password');
  t.is(view.text('login-submit'), 'Log in');
  t.is(view.attr('login-submit', 'disabled'), undefined);
  t.false(view.has('login-error'));
  t.false(view.has('session-message'));
  t.false(view.has('login-notice'));
  t.is(view.attr('link-register', 'href'), '/register');
});

test('after a session expired, the login screen says so', (t) => {
  const view = render(html`<${LoginPage} sessionMessage=${SESSION_EXPIRED_MESSAGE} notice=${null} onSignedIn=${() => undefined} />`);
  t.is(view.text('session-message'), SESSION_EXPIRED_MESSAGE);
});

test('after logging out, the notice is shown, unless a session expiry has more to say', (t) => {
  const loggedOut = render(html`<${LoginPage} sessionMessage=${null} notice=${LOGIN_MESSAGES.loggedOut} onSignedIn=${() => undefined} />`);
  t.is(loggedOut.text('login-notice'), 'You have been logged out.');
  const both = render(html`<${LoginPage} sessionMessage=${SESSION_EXPIRED_MESSAGE} notice=${LOGIN_MESSAGES.loggedOut} onSignedIn=${() => undefined} />`);
  t.false(both.has('login-notice'));
  t.true(both.has('session-message'));
});
