import test from 'ava';
import { html } from './html.ts';
import { apiError, render } from './testing.ts';
import { Field, LoadFailed, Loading, PortfolioNotFound } from './ui.ts';

test('a field shows the server\'s message for it underneath, and is marked as in error', (t) => {
  const errors = { name: 'Name is at most 80 characters.', 'investmentProfile.horizonYears': 'Whole years, 1 to 50.' };
  const view = render(html`<div data-testid="form"><${Field} label="Name" field="name" errors=${errors}><input /><//></div>`);
  t.is(view.text('field-error-name'), 'Name is at most 80 characters.');
  t.regex(view.html, /class="field has-error"/);
  t.false(view.has('field-error-investmentProfile.horizonYears'), 'another field\'s message is not shown here');
});

test('a field without an error shows no message', (t) => {
  const view = render(html`<${Field} label="Name" field="name" errors=${{ description: 'Too long.' }}><input /><//>`);
  t.deepEqual(view.testids('field-error-'), []);
  t.notRegex(view.html, /has-error/);
});

test('a screen that failed to load shows the gateway\'s detail and a retry button', (t) => {
  const error = apiError(503, 'upstream_unavailable', 'The portfolio service is unavailable. Please try again shortly.');
  const view = render(html`<${LoadFailed} error=${error} retry=${() => undefined} />`);
  t.is(view.text('page-error'), 'The portfolio service is unavailable. Please try again shortly. Try again');
  t.is(view.attr('page-error', 'role'), 'alert');
  t.is(view.text('page-retry'), 'Try again');
});

test('an expired session shows no error box (the app moves to the login screen instead)', (t) => {
  const view = render(html`<${LoadFailed} error=${apiError(401, 'session_expired', 'Your session has expired.')} retry=${() => undefined} />`);
  t.false(view.has('page-error'));
});

test('an error that is not the gateway\'s gets a general message, not a stack or a blank', (t) => {
  const view = render(html`<${LoadFailed} error=${new TypeError('x is undefined')} retry=${() => undefined} />`);
  t.is(view.text('page-error'), 'Something went wrong. Please try again. Try again');
});

test('loading says what is loading, for assistive technology too', (t) => {
  const view = render(html`<${Loading} what="transactions" />`);
  t.is(view.text('loading'), 'Loading transactions…');
  t.is(view.attr('loading', 'aria-busy'), 'true');
});

test('"Portfolio not found" does not say whether the portfolio exists, and links back to the list', (t) => {
  const view = render(html`<${PortfolioNotFound} />`);
  t.is(view.text('portfolio-not-found'), 'Portfolio not found This portfolio does not exist, or it is not yours. Back to your portfolios');
  t.is(view.attr('back-to-portfolios', 'href'), '/portfolios');
});
