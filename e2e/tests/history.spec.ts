import { randomUUID } from 'node:crypto';
import { test, expect, gatewayDown, type SeededUser } from './fixtures.ts';
import { expectHistoryRows } from './figures.ts';

// The history screen: filters (type, symbol, dates), paging, and its states. Transactions are seeded through
// the API with fixed dates; every row shown is compared column by column with what the API returns.

async function seedHistory(user: SeededUser) {
  const portfolio = await user.createPortfolio('History');
  await user.record(portfolio.id, { type: 'deposit', amount: '10000.00', executedAt: '2026-01-05' });
  await user.record(portfolio.id, { type: 'buy', symbol: 'AAPL', quantity: '10', price: '150.00', fees: '1.25', executedAt: '2026-02-10' });
  await user.record(portfolio.id, { type: 'buy', symbol: 'MSFT', quantity: '2', price: '400.00', executedAt: '2026-03-15' });
  await user.record(portfolio.id, { type: 'dividend', symbol: 'AAPL', amount: '4.80', executedAt: '2026-04-20' });
  await user.record(portfolio.id, { type: 'sell', symbol: 'AAPL', quantity: '3', price: '190.00', executedAt: '2026-05-25' });
  await user.record(portfolio.id, { type: 'fee', amount: '2.50', executedAt: '2026-06-30' });
  await user.record(portfolio.id, { type: 'withdrawal', amount: '100.00', executedAt: '2026-07-04' });
  return portfolio;
}

test('filled: every column of every row is the value the API returned, newest first', async ({ page, seedUser, signIn }) => {
  const user = await seedUser('historyfigures');
  const portfolio = await seedHistory(user);
  await signIn(page, user, `/portfolios/${portfolio.id}/history`);
  const { items } = await user.transactions(portfolio.id);
  expect(items.map((t) => t.type)).toEqual(['withdrawal', 'fee', 'sell', 'dividend', 'buy', 'buy', 'deposit']);
  await expectHistoryRows(page, items);
});

test('filter by type', async ({ page, seedUser, signIn }) => {
  const user = await seedUser('filtertype');
  const portfolio = await seedHistory(user);
  await signIn(page, user, `/portfolios/${portfolio.id}/history`);
  await page.getByTestId('history-filter-type').selectOption('buy');
  await page.getByTestId('history-apply').click();
  await expectHistoryRows(page, (await user.transactions(portfolio.id, 'type=buy')).items);
  await expect(page.getByTestId('history-row')).toHaveCount(2);
});

test('filter by symbol, typed in lower case', async ({ page, seedUser, signIn }) => {
  const user = await seedUser('filtersymbol');
  const portfolio = await seedHistory(user);
  await signIn(page, user, `/portfolios/${portfolio.id}/history`);
  await page.getByTestId('history-filter-symbol').fill('aapl');
  await page.getByTestId('history-apply').click();
  await expect(page.getByTestId('history-row')).toHaveCount(3);
  await expectHistoryRows(page, (await user.transactions(portfolio.id, 'symbol=AAPL')).items);
});

test('filter by a date range, both ends included', async ({ page, seedUser, signIn }) => {
  const user = await seedUser('filterdates');
  const portfolio = await seedHistory(user);
  await signIn(page, user, `/portfolios/${portfolio.id}/history`);
  await page.getByTestId('history-filter-from').fill('2026-02-10');
  await page.getByTestId('history-filter-to').fill('2026-04-20');
  await page.getByTestId('history-apply').click();
  await expect(page.getByTestId('history-row')).toHaveCount(3);
  await expect(page.getByTestId('history-date')).toHaveText(['2026-04-20', '2026-03-15', '2026-02-10']);
});

test('filters combine, and Clear shows everything again', async ({ page, seedUser, signIn }) => {
  const user = await seedUser('filterclear');
  const portfolio = await seedHistory(user);
  await signIn(page, user, `/portfolios/${portfolio.id}/history`);
  await page.getByTestId('history-filter-type').selectOption('sell');
  await page.getByTestId('history-filter-symbol').fill('AAPL');
  await page.getByTestId('history-filter-from').fill('2026-05-01');
  await page.getByTestId('history-apply').click();
  await expect(page.getByTestId('history-row')).toHaveCount(1);
  await expect(page.getByTestId('history-row')).toHaveAttribute('data-type', 'sell');
  await page.getByTestId('history-clear').click();
  await expect(page.getByTestId('history-row')).toHaveCount(7);
  await expect(page.getByTestId('history-filter-symbol')).toHaveValue('');
});

test('an end date before the start date is refused next to the field, without asking the server', async ({ page, seedUser, signIn }) => {
  const user = await seedUser('baddates');
  const portfolio = await user.createPortfolio('Dates');
  await signIn(page, user, `/portfolios/${portfolio.id}/history`);
  await expect(page.getByTestId('history-empty')).toBeVisible();
  let asked = 0;
  page.on('request', (request) => request.url().includes('/api/v1/transactions') && (asked += 1));
  await page.getByTestId('history-filter-from').fill('2026-05-01');
  await page.getByTestId('history-filter-to').fill('2026-04-01');
  await page.getByTestId('history-apply').click();
  await expect(page.getByTestId('field-error-to')).toHaveText('The end date is before the start date.');
  expect(asked).toBe(0);
});

test('empty: no transactions yet, and a filter that matches nothing', async ({ page, seedUser, signIn }) => {
  const user = await seedUser('historyempty');
  const portfolio = await user.portfolioWith('Quiet', '10.00');
  await signIn(page, user, `/portfolios/${portfolio.id}/history`);
  await expect(page.getByTestId('history-row')).toHaveCount(1);
  await page.getByTestId('history-filter-type').selectOption('dividend');
  await page.getByTestId('history-apply').click();
  await expect(page.getByTestId('history-empty')).toHaveText('No transactions match.');
  await expect(page.getByTestId('history-load-more')).toHaveCount(0);
});

test('paging keeps the filter: "Load more" fetches the next page of the same filter', async ({ page, seedUser, signIn }) => {
  const user = await seedUser('pagingfilter');
  const portfolio = await user.createPortfolio('Many fees');
  await user.record(portfolio.id, { type: 'deposit', amount: '1000.00', executedAt: '2026-01-01' });
  for (let day = 1; day <= 22; day += 1) await user.record(portfolio.id, { type: 'fee', amount: `${day}.00`, executedAt: `2026-02-${String(day).padStart(2, '0')}` });
  await signIn(page, user, `/portfolios/${portfolio.id}/history`);
  await page.getByTestId('history-filter-type').selectOption('fee');
  await page.getByTestId('history-apply').click();
  await expect(page.getByTestId('history-row')).toHaveCount(20);
  await page.getByTestId('history-load-more').click();
  await expect(page.getByTestId('history-row')).toHaveCount(22);
  await expect(page.locator('[data-testid="history-row"][data-type="deposit"]')).toHaveCount(0);
  await expect(page.getByTestId('history-load-more')).toHaveCount(0);
});

test('server error: a gateway 503 on the list is shown as a message, and Apply tries again', async ({ page, seedUser, signIn }) => {
  const user = await seedUser('history503');
  const portfolio = await user.portfolioWith('Down', '5.00');
  await gatewayDown(page, /^\/api\/v1\/transactions/);
  await signIn(page, user, `/portfolios/${portfolio.id}/history`);
  await expect(page.getByTestId('history-error')).toContainText('The service is temporarily unavailable.');
  await expect(page.getByTestId('portfolio-title')).toHaveText('Down');
  await page.unrouteAll();
  await page.getByTestId('history-apply').click();
  await expect(page.getByTestId('history-row')).toHaveCount(1);
  await expect(page.getByTestId('history-error')).toHaveCount(0);
});

test('not found and deep link: another id shows "Portfolio not found"; a reload keeps the history', async ({ page, seedUser, signIn }) => {
  const user = await seedUser('historylink');
  const portfolio = await user.portfolioWith('Linked', '42.00');
  await signIn(page, user, `/portfolios/${randomUUID()}/history`);
  await expect(page.getByTestId('portfolio-not-found')).toBeVisible();
  await page.goto(`/portfolios/${portfolio.id}/history`);
  await expect(page.getByTestId('history-row')).toHaveCount(1);
  await page.reload();
  await expect(page.getByTestId('history-amount')).toHaveText('42.00');
});
