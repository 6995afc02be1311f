import { randomUUID } from 'node:crypto';
import { test, expect, gatewayDown, holdRequests } from './fixtures.ts';
import { expectHoldingsTable, expectPerformance } from './figures.ts';

// The portfolio page in each of its states; the data is seeded through the API, the session injected.

test('filled: every holdings column and every performance figure is the value the API returned', async ({ page, seedUser, signIn }) => {
  const user = await seedUser('figures');
  const portfolio = await user.portfolioWith('Figures', '20000.00', [
    { symbol: 'MSFT', quantity: '7', price: '400.00' },
    { symbol: 'TLT', quantity: '12.5', price: '95.10' },
    { symbol: 'VOO', quantity: '3', price: '480.00' },
  ]);
  await user.record(portfolio.id, { type: 'sell', symbol: 'MSFT', quantity: '2', price: '430.00' });
  const [holdings, performance] = await Promise.all([user.holdings(portfolio.id), user.performance(portfolio.id)]);
  await signIn(page, user, `/portfolios/${portfolio.id}`);
  await expect(page.getByTestId('portfolio-title')).toHaveText('Figures');
  await expectHoldingsTable(page, holdings);
  await expectPerformance(page, performance);
});

test('allocation by holding: one slice and legend entry per holding with the API’s weight and value', async ({ page, seedUser, signIn }) => {
  const user = await seedUser('byholding');
  const portfolio = await user.portfolioWith('Split', '5000.00', [{ symbol: 'KO', quantity: '10', price: '60.00' }, { symbol: 'AGG', quantity: '10', price: '95.00' }]);
  const performance = await user.performance(portfolio.id);
  await signIn(page, user, `/portfolios/${portfolio.id}`);
  await page.getByTestId('allocation-by-holding').click();
  await expect(page.getByTestId('allocation-by-holding')).toHaveAttribute('aria-pressed', 'true');
  for (const slice of performance.allocation.byHolding) {
    await expect(page.getByTestId(`allocation-slice-${slice.symbol}`)).toBeVisible();
    await expect(page.getByTestId(`allocation-legend-${slice.symbol}`).locator('.legend-weight')).toHaveText(`${slice.weight}%`);
  }
  await expect(page.getByTestId('allocation-chart')).toHaveAttribute('aria-label', new RegExp(`^Allocation by holding: .*KO ${performance.allocation.byHolding.find((s) => s.symbol === 'KO')!.weight}%`));
});

test('empty: a new portfolio shows empty holdings and chart, and zero figures', async ({ page, seedUser, signIn }) => {
  const user = await seedUser('emptyportfolio');
  const portfolio = await user.createPortfolio('Blank');
  await signIn(page, user, `/portfolios/${portfolio.id}`);
  await expect(page.getByTestId('holdings-empty')).toBeVisible();
  await expect(page.getByTestId('allocation-empty')).toBeVisible();
  await expectPerformance(page, await user.performance(portfolio.id));
});

test('loading: the page says it is loading until the portfolio arrives', async ({ page, seedUser, signIn }) => {
  const user = await seedUser('loadingportfolio');
  const portfolio = await user.createPortfolio('Slow');
  const release = await holdRequests(page, /\/performance$/);
  await signIn(page, user, `/portfolios/${portfolio.id}`);
  await expect(page.getByTestId('loading')).toHaveText('Loading portfolio…');
  release();
  await expect(page.getByTestId('portfolio-title')).toHaveText('Slow');
  await expect(page.getByTestId('loading')).toHaveCount(0);
});

test('server error: a gateway 503 is shown as a message with a retry that recovers', async ({ page, seedUser, signIn }) => {
  const user = await seedUser('503portfolio');
  const portfolio = await user.createPortfolio('Flaky');
  await gatewayDown(page, /\/holdings$/);
  await signIn(page, user, `/portfolios/${portfolio.id}`);
  await expect(page.getByTestId('page-error')).toContainText('The service is temporarily unavailable.');
  await page.unrouteAll();
  await page.getByTestId('page-retry').click();
  await expect(page.getByTestId('portfolio-title')).toHaveText('Flaky');
});

test('not found: an id that does not exist shows "Portfolio not found" with a way back', async ({ page, seedUser, signIn }) => {
  await signIn(page, await seedUser('missing'), `/portfolios/${randomUUID()}`);
  await expect(page.getByTestId('portfolio-not-found')).toBeVisible();
  await page.getByTestId('back-to-portfolios').click();
  await expect(page).toHaveURL(/\/portfolios$/);
});

test('deep link: reloading the portfolio page keeps the user there, signed in', async ({ page, seedUser, signIn }) => {
  const user = await seedUser('reload');
  const portfolio = await user.portfolioWith('Reloaded', '100.00');
  await signIn(page, user, `/portfolios/${portfolio.id}`);
  await expect(page.getByTestId('perf-cash')).toHaveText('100.00');
  await page.reload();
  await expect(page).toHaveURL(new RegExp(`/portfolios/${portfolio.id}$`));
  await expect(page.getByTestId('perf-cash')).toHaveText('100.00');
});

test.describe('on a 375 px screen', () => {
  test.use({ viewport: { width: 375, height: 740 } });

  test('the portfolio page fits the screen; the holdings table scrolls inside its box', async ({ page, seedUser, signIn }) => {
    const user = await seedUser('narrowportfolio');
    const portfolio = await user.portfolioWith('Narrow', '3000.00', [{ symbol: 'PG', quantity: '5', price: '160.00' }]);
    await signIn(page, user, `/portfolios/${portfolio.id}`);
    await expectHoldingsTable(page, await user.holdings(portfolio.id));
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
  });
});
