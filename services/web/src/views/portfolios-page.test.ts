import test from 'ava';
import { html } from './html.ts';
import { PortfoliosPage, PortfolioTable } from './portfolios-page.ts';
import { portfolio, render } from './testing.ts';

test('while the list loads, it says so, and the create form is there already', (t) => {
  const view = render(html`<${PortfoliosPage} />`);
  t.is(view.text('loading'), 'Loading portfolios…');
  t.false(view.has('portfolio-list'));
  t.is(view.text('portfolio-create-currency').split(' ')[0], 'USD');
  t.is(view.text('portfolio-create-submit'), 'Create portfolio');
  t.false(view.has('portfolio-create-error'));
});

test('each portfolio: its name (linked) and description, its currency, its cash, and a link to record', (t) => {
  const second = { ...portfolio, id: '0b0c0d0e-0000-4000-8000-000000000002', name: 'Kids', baseCurrency: 'GBP', description: null, cash: '-0.00' };
  const view = render(html`<${PortfolioTable} items=${[portfolio, second]} />`);
  t.deepEqual(view.table('portfolio-list'), [
    ['Name', 'Currency', 'Cash', ''],
    ['Retirement Long-term savings', 'EUR', '1,250.75', 'Record'],
    ['Kids', 'GBP', '0.00', 'Record'],
  ]);
  t.is(view.attr(`portfolio-link-${portfolio.id}`, 'href'), `/portfolios/${portfolio.id}`);
  t.is(view.attr(`portfolio-trade-${second.id}`, 'href'), `/portfolios/${second.id}/trade`);
});

test('no portfolios: the empty state points at the form', (t) => {
  const view = render(html`<${PortfolioTable} items=${[]} />`);
  t.is(view.text('portfolio-list-empty'), 'No portfolios yet. Create your first one with the form.');
  t.false(view.has('portfolio-list'));
});
