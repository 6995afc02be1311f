import { test, expect, newUserData } from './fixtures.ts';

// Prices come from the seeded instrument universe (read-only in e2e): AAPL 189.84 (equity), BND 72.41 (bond).
test('register → log in → portfolio → deposit → buy two → holdings, performance, allocation → sell part → realised P/L → history', async ({ page, createPortfolio, recordTrade }) => {
  const user = newUserData('investor');
  await page.goto('/register');
  await page.getByTestId('register-email').fill(user.email);
  await page.getByTestId('register-password').fill(user.password);
  await page.getByTestId('register-fullname').fill(user.fullName);
  await page.getByTestId('register-risk').selectOption('aggressive');
  await page.getByTestId('register-horizon').fill('20');
  await page.getByTestId('register-goal-retirement').check();
  await page.getByTestId('register-submit').click();
  await expect(page).toHaveURL(/\/portfolios$/);
  await expect(page.getByTestId('nav-user')).toHaveText(user.fullName);

  await createPortfolio(page, 'Growth');

  await recordTrade(page, { type: 'deposit', amount: '10000.00' });
  await expect(page.getByTestId('trade-success')).toBeVisible();
  await recordTrade(page, { type: 'buy', symbol: 'AAPL', quantity: '10', price: '150.00' });
  await expect(page.getByTestId('trade-success')).toBeVisible();
  await recordTrade(page, { type: 'buy', symbol: 'BND', quantity: '20', price: '70.00' });
  await expect(page.getByTestId('trade-success')).toBeVisible();

  await page.getByTestId('portfolio-overview-link').click();
  // AAPL: 10 × 189.84 = 1,898.40 market value, cost 1,500.00 → +398.40. BND: 20 × 72.41 = 1,448.20, cost 1,400.00 → +48.20.
  await expect(page.getByTestId('holding-quantity-AAPL')).toHaveText('10');
  await expect(page.getByTestId('holding-market-value-AAPL')).toContainText('1,898.40');
  await expect(page.getByTestId('holding-unrealized-AAPL')).toContainText('+398.40');
  await expect(page.getByTestId('holding-market-value-BND')).toContainText('1,448.20');
  // Totals: market value 3,346.60; cost basis 2,900.00; unrealised +446.60; cash 10,000 − 1,500 − 1,400 = 7,100.00.
  await expect(page.getByTestId('perf-market-value')).toContainText('3,346.60');
  await expect(page.getByTestId('perf-cost-basis')).toContainText('2,900.00');
  await expect(page.getByTestId('perf-unrealized')).toContainText('+446.60');
  await expect(page.getByTestId('perf-cash')).toContainText('7,100.00');
  await expect(page.getByTestId('perf-total')).toContainText('10,446.60');
  await expect(page.getByTestId('allocation-chart')).toBeVisible();
  await expect(page.getByTestId('allocation-slice-equity')).toBeVisible();
  await expect(page.getByTestId('allocation-slice-bond')).toBeVisible();

  // Sell 4 AAPL at 200.00: realised (200 − 150) × 4 = +200.00; 6 left; cash 7,100 + 800 = 7,900.00.
  await recordTrade(page, { type: 'sell', symbol: 'AAPL', quantity: '4', price: '200.00' });
  await expect(page.getByTestId('trade-success')).toBeVisible();
  await page.getByTestId('portfolio-overview-link').click();
  await expect(page.getByTestId('holding-quantity-AAPL')).toHaveText('6');
  await expect(page.getByTestId('perf-realized')).toContainText('+200.00');
  await expect(page.getByTestId('perf-cash')).toContainText('7,900.00');

  await page.getByTestId('portfolio-history-link').click();
  await expect(page.getByTestId('history-row')).toHaveCount(4);
  await page.getByTestId('history-filter-type').selectOption('sell');
  await page.getByTestId('history-apply').click();
  await expect(page.getByTestId('history-row')).toHaveCount(1);
  await expect(page.getByTestId('history-row').first().getByTestId('history-symbol')).toHaveText('AAPL');
  await page.getByTestId('history-filter-type').selectOption('');
  await page.getByTestId('history-filter-symbol').fill('AAPL');
  await page.getByTestId('history-apply').click();
  await expect(page.getByTestId('history-row')).toHaveCount(2);
});
