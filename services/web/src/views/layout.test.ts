import test from 'ava';
import { html } from './html.ts';
import { Layout, PageNotFound } from './layout.ts';
import { render } from './testing.ts';

test('signed in: navigation to the portfolios and a log-out button, no log-in or register links', (t) => {
  const view = render(html`<${Layout} signedIn=${true} onLogout=${() => undefined}><p data-testid="screen">Hello</p><//>`);
  t.is(view.attr('nav-portfolios', 'href'), '/portfolios');
  t.is(view.text('logout'), 'Log out');
  t.false(view.has('nav-login'));
  t.false(view.has('nav-register'));
  t.is(view.attr('brand', 'href'), '/portfolios');
  t.is(view.text('screen'), 'Hello');
});

test('signed out: log-in and register links, no log-out and no user name', (t) => {
  const view = render(html`<${Layout} signedIn=${false} onLogout=${() => undefined} />`);
  t.is(view.attr('nav-login', 'href'), '/login');
  t.is(view.attr('nav-register', 'href'), '/register');
  t.false(view.has('logout'));
  t.false(view.has('nav-user'));
  t.is(view.attr('brand', 'href'), '/login');
});

test('an unknown address shows "Page not found" with a way back', (t) => {
  const view = render(html`<${PageNotFound} />`);
  t.is(view.text('page-not-found'), 'Page not found There is nothing at this address. Go to your portfolios');
});
