import { test, expect } from './fixtures.ts';

test('a long history pages with "Load more" until every transaction is shown, newest first', async ({ page, seedUser, signIn }) => {
  const user = await seedUser('history');
  const portfolio = await user.createPortfolio('Busy');
  // 25 deposits recorded through the API (setup, not the journey under test): one page of 20, then 5 more.
  for (let day = 1; day <= 25; day += 1) {
    await user.record(portfolio.id, { type: 'deposit', amount: `${day}.00`, executedAt: `2026-01-${String(day).padStart(2, '0')}T10:00:00.000Z` });
  }
  await signIn(page, user, `/portfolios/${portfolio.id}/history`);
  await expect(page.getByTestId('history-row')).toHaveCount(20);
  await expect(page.getByTestId('history-row').first().getByTestId('history-amount')).toContainText('25.00');
  await page.getByTestId('history-load-more').click();
  await expect(page.getByTestId('history-row')).toHaveCount(25);
  await expect(page.getByTestId('history-row').last().getByTestId('history-amount')).toContainText('1.00');
  await expect(page.getByTestId('history-load-more')).toHaveCount(0);
});

test.describe('on a narrow screen', () => {
  test.use({ viewport: { width: 375, height: 800 } });

  test('a user can record a deposit and see the cash', async ({ page, seedUser, signIn, recordTrade }) => {
    const user = await seedUser('mobile');
    const portfolio = await user.createPortfolio('Pocket');
    await signIn(page, user, `/portfolios/${portfolio.id}`);
    await recordTrade(page, { type: 'deposit', amount: '250.00' });
    await expect(page.getByTestId('trade-success')).toBeVisible();
    await page.getByTestId('portfolio-overview-link').click();
    await expect(page.getByTestId('perf-cash')).toContainText('250.00');
    // Nothing on the page is wider than the screen (tables scroll inside their own box).
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });
});
