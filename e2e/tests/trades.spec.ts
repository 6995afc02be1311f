import { test, expect, type SeededUser } from './fixtures.ts';
import { expectHoldingsTable, expectPerformance } from './figures.ts';
import type { Page } from '@playwright/test';

// Every transaction type recorded through the form, with the portfolio page updating; refusals shown and
// nothing recorded. The starting position is seeded through the API; the form is what each test is about.

async function fill(page: Page, fields: Record<string, string>) {
  await page.getByTestId('trade-type').selectOption(fields.type);
  for (const [field, value] of Object.entries(fields)) if (field !== 'type') await page.getByTestId(`trade-${field}`).fill(value);
  await page.getByTestId('trade-submit').click();
}

/** After a recorded transaction: the overview shows what the API now returns. */
async function expectOverviewMatchesApi(page: Page, user: SeededUser, portfolioId: string) {
  await page.getByTestId('portfolio-overview-link').click();
  await expectPerformance(page, await user.performance(portfolioId));
  const holdings = await user.holdings(portfolioId);
  if (holdings.length) await expectHoldingsTable(page, holdings);
}

test('buy: the holding appears and the cash goes down by quantity × price + fees', async ({ page, seedUser, signIn }) => {
  const user = await seedUser('buy');
  const portfolio = await user.portfolioWith('Buyer', '5000.00');
  await signIn(page, user, `/portfolios/${portfolio.id}/trade`);
  await fill(page, { type: 'buy', symbol: 'jnj', quantity: '10', price: '150.00', fees: '1.50' });
  await expect(page.getByTestId('trade-success')).toHaveText('Bought 10 JNJ at 150.00 USD. Cash balance: 3,498.50 USD.');
  await expect(page.getByTestId('trade-cash')).toHaveText('3,498.50 USD');
  await expectOverviewMatchesApi(page, user, portfolio.id);
  await expect(page.getByTestId('holding-quantity-JNJ')).toHaveText('10');
});

test('sell: the quantity goes down and the realised P/L is shown', async ({ page, seedUser, signIn }) => {
  const user = await seedUser('sell');
  const portfolio = await user.portfolioWith('Seller', '2000.00', [{ symbol: 'WMT', quantity: '20', price: '60.00' }]);
  await signIn(page, user, `/portfolios/${portfolio.id}/trade`);
  await fill(page, { type: 'sell', symbol: 'WMT', quantity: '5', price: '70.00' });
  await expect(page.getByTestId('trade-success')).toHaveText('Sold 5 WMT at 70.00 USD. Realised P/L: 50.00 USD. Cash balance: 1,150.00 USD.');
  await expectOverviewMatchesApi(page, user, portfolio.id);
  await expect(page.getByTestId('holding-realized-WMT')).toHaveText('+50.00');
});

test('deposit: the cash goes up on the trade page and the overview', async ({ page, seedUser, signIn }) => {
  const user = await seedUser('deposit');
  const portfolio = await user.createPortfolio('Saver');
  await signIn(page, user, `/portfolios/${portfolio.id}/trade`);
  await fill(page, { type: 'deposit', amount: '1234.56' });
  await expect(page.getByTestId('trade-success')).toHaveText('Deposited 1,234.56 USD. Cash balance: 1,234.56 USD.');
  await expectOverviewMatchesApi(page, user, portfolio.id);
  await expect(page.getByTestId('perf-cash')).toHaveText('1,234.56');
});

test('withdrawal: the cash goes down', async ({ page, seedUser, signIn }) => {
  const user = await seedUser('withdrawal');
  const portfolio = await user.portfolioWith('Spender', '1000.00');
  await signIn(page, user, `/portfolios/${portfolio.id}/trade`);
  await fill(page, { type: 'withdrawal', amount: '250.00' });
  await expect(page.getByTestId('trade-success')).toHaveText('Withdrew 250.00 USD. Cash balance: 750.00 USD.');
  await expectOverviewMatchesApi(page, user, portfolio.id);
  await expect(page.getByTestId('perf-cash')).toHaveText('750.00');
});

test('dividend: the cash goes up and the holding is unchanged', async ({ page, seedUser, signIn }) => {
  const user = await seedUser('dividend');
  const portfolio = await user.portfolioWith('Income', '1000.00', [{ symbol: 'SCHD', quantity: '10', price: '75.00' }]);
  await signIn(page, user, `/portfolios/${portfolio.id}/trade`);
  await fill(page, { type: 'dividend', symbol: 'SCHD', amount: '12.34' });
  await expect(page.getByTestId('trade-success')).toHaveText('Dividend of 12.34 USD from SCHD recorded. Cash balance: 262.34 USD.');
  await expectOverviewMatchesApi(page, user, portfolio.id);
  await expect(page.getByTestId('holding-quantity-SCHD')).toHaveText('10');
});

test('fee: the cash goes down by the fee', async ({ page, seedUser, signIn }) => {
  const user = await seedUser('fee');
  const portfolio = await user.portfolioWith('Charged', '100.00');
  await signIn(page, user, `/portfolios/${portfolio.id}/trade`);
  await fill(page, { type: 'fee', amount: '9.99' });
  await expect(page.getByTestId('trade-success')).toHaveText('Fee of 9.99 USD recorded. Cash balance: 90.01 USD.');
  await expectOverviewMatchesApi(page, user, portfolio.id);
  await expect(page.getByTestId('perf-cash')).toHaveText('90.01');
});

test('the form shows the fields of the chosen type only', async ({ page, seedUser, signIn }) => {
  const user = await seedUser('fields');
  const portfolio = await user.createPortfolio('Fields');
  await signIn(page, user, `/portfolios/${portfolio.id}/trade`);
  const shown = async () => {
    const ids: string[] = [];
    for (const id of ['symbol', 'quantity', 'price', 'amount', 'fees', 'date']) if (await page.getByTestId(`trade-${id}`).count()) ids.push(id);
    return ids;
  };
  await expect(page.getByTestId('trade-form')).toBeVisible();
  expect(await shown()).toEqual(['symbol', 'quantity', 'price', 'fees', 'date']);
  await page.getByTestId('trade-type').selectOption('dividend');
  await expect.poll(shown).toEqual(['symbol', 'amount', 'date']);
  await page.getByTestId('trade-type').selectOption('withdrawal');
  await expect.poll(shown).toEqual(['amount', 'date']);
});

test('a blank required field is marked before anything is sent', async ({ page, seedUser, signIn }) => {
  const user = await seedUser('blank');
  const portfolio = await user.createPortfolio('Blank form');
  await signIn(page, user, `/portfolios/${portfolio.id}/trade`);
  await fill(page, { type: 'buy', symbol: 'AAPL' });
  await expect(page.getByTestId('field-error-quantity')).toHaveText('Required.');
  await expect(page.getByTestId('field-error-price')).toHaveText('Required.');
  expect((await user.transactions(portfolio.id)).items).toEqual([]);
});

test('refused: buying with too little cash shows the reason and records nothing', async ({ page, seedUser, signIn }) => {
  const user = await seedUser('poor');
  const portfolio = await user.portfolioWith('Poor', '100.00');
  await signIn(page, user, `/portfolios/${portfolio.id}/trade`);
  await fill(page, { type: 'buy', symbol: 'COST', quantity: '1', price: '850.00' });
  await expect(page.getByTestId('trade-error')).toContainText('Cash 100.00 is not enough: 850.00 is needed.');
  const history = await user.transactions(portfolio.id);
  expect(history.items.map((t) => t.type)).toEqual(['deposit']);
  expect((await user.performance(portfolio.id)).cash).toBe('100.00');
});

test('refused: withdrawing more than the cash shows the reason and records nothing', async ({ page, seedUser, signIn }) => {
  const user = await seedUser('overdraw');
  const portfolio = await user.portfolioWith('Overdraw', '50.00');
  await signIn(page, user, `/portfolios/${portfolio.id}/trade`);
  await fill(page, { type: 'withdrawal', amount: '80.00' });
  await expect(page.getByTestId('trade-error')).toContainText('Cash 50.00 is not enough: 80.00 is needed.');
  expect((await user.transactions(portfolio.id)).items).toHaveLength(1);
  expect((await user.performance(portfolio.id)).cash).toBe('50.00');
});

test('refused: an unknown symbol is named next to the field and nothing is recorded', async ({ page, seedUser, signIn }) => {
  const user = await seedUser('unknown');
  const portfolio = await user.portfolioWith('Unknown', '1000.00');
  await signIn(page, user, `/portfolios/${portfolio.id}/trade`);
  await fill(page, { type: 'buy', symbol: 'ZZZZ', quantity: '1', price: '10.00' });
  await expect(page.getByTestId('trade-error')).toBeVisible();
  await expect(page.getByTestId('field-error-symbol')).toContainText('ZZZZ');
  expect((await user.transactions(portfolio.id)).items).toHaveLength(1);
  expect(await user.holdings(portfolio.id)).toEqual([]);
});
