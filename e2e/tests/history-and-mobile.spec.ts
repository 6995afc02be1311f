import { randomUUID } from 'node:crypto';
import { test, expect } from './fixtures.ts';

test('a long history pages with "Load more" until every transaction is shown, newest first', async ({ page, api, registeredUser, logIn, createPortfolio }) => {
  const user = await registeredUser('history');
  await logIn(page, user);
  const portfolioId = await createPortfolio(page, 'Busy');
  // 25 deposits recorded through the API (setup, not the journey under test): one page of 20, then 5 more.
  const login = await (await api.post('/api/v1/auth/login', { data: { email: user.email, password: user.password } })).json();
  for (let day = 1; day <= 25; day += 1) {
    const response = await api.post('/api/v1/transactions', {
      headers: { authorization: `Bearer ${login.accessToken}`, 'idempotency-key': randomUUID() },
      data: { portfolioId, type: 'deposit', amount: `${day}.00`, executedAt: `2026-01-${String(day).padStart(2, '0')}T10:00:00.000Z` },
    });
    expect(response.status()).toBe(201);
  }
  await page.getByTestId('portfolio-history-link').click();
  await expect(page.getByTestId('history-row')).toHaveCount(20);
  await expect(page.getByTestId('history-row').first().getByTestId('history-amount')).toContainText('25.00');
  await page.getByTestId('history-load-more').click();
  await expect(page.getByTestId('history-row')).toHaveCount(25);
  await expect(page.getByTestId('history-row').last().getByTestId('history-amount')).toContainText('1.00');
  await expect(page.getByTestId('history-load-more')).toHaveCount(0);
});

test.describe('on a narrow screen', () => {
  test.use({ viewport: { width: 390, height: 800 } });

  test('a user can record a deposit and see the cash', async ({ page, registeredUser, logIn, createPortfolio, recordTrade }) => {
    await logIn(page, await registeredUser('mobile'));
    await createPortfolio(page, 'Pocket');
    await recordTrade(page, { type: 'deposit', amount: '250.00' });
    await expect(page.getByTestId('trade-success')).toBeVisible();
    await page.getByTestId('portfolio-overview-link').click();
    await expect(page.getByTestId('perf-cash')).toContainText('250.00');
    // Nothing on the page is wider than the screen (tables scroll inside their own box).
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });
});
