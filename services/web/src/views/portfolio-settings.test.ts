import test from 'ava';
import { html } from './html.ts';
import { PortfolioSettings } from './portfolio-settings.ts';
import { portfolio, render } from './testing.ts';

test('the rename form starts with the portfolio’s name; delete is offered without force until the server refuses', (t) => {
  const view = render(html`<${PortfolioSettings} portfolio=${portfolio} onRenamed=${() => undefined} />`);
  t.is(view.attr('portfolio-rename-name', 'value'), portfolio.name);
  t.is(view.text('portfolio-delete'), 'Delete portfolio');
  t.false(view.has('portfolio-delete-force'));
  t.false(view.has('portfolio-delete-error'));
  t.false(view.has('portfolio-rename-error'));
});
