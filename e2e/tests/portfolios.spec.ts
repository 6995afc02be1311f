import { test, expect, gatewayDown, holdRequests } from './fixtures.ts';
import { formatMoney } from '../../services/web/src/lib/money.ts';

// The portfolio list and create form; rename and delete on the portfolio page.

test('empty: a new user sees no portfolios and an invitation to create one', async ({ page, seedUser, signIn }) => {
  await signIn(page, await seedUser('nolist'), '/portfolios');
  await expect(page.getByTestId('portfolio-list-empty')).toBeVisible();
  await expect(page.getByTestId('portfolio-list')).toHaveCount(0);
});

test('filled: one row per portfolio, each with the name, currency and cash the API returned', async ({ page, seedUser, signIn }) => {
  const user = await seedUser('list');
  const a = await user.portfolioWith('Alpha', '1500.25');
  const b = await user.createPortfolio('Beta', { baseCurrency: 'EUR', description: 'Euro savings' });
  await signIn(page, user, '/portfolios');
  const { items } = await user.get<{ items: { id: string; name: string; baseCurrency: string; cash: string }[] }>('/api/v1/portfolios');
  expect(items.map((p) => p.id).sort()).toEqual([a.id, b.id].sort());
  await expect(page.getByTestId(/^portfolio-row-/)).toHaveCount(2);
  for (const p of items) {
    const row = page.getByTestId(`portfolio-row-${p.id}`);
    await expect(page.getByTestId(`portfolio-link-${p.id}`)).toHaveText(p.name);
    await expect(row.locator('td').nth(1)).toHaveText(p.baseCurrency);
    await expect(page.getByTestId(`portfolio-cash-${p.id}`)).toHaveText(formatMoney(p.cash));
  }
  await expect(page.getByTestId(`portfolio-row-${b.id}`)).toContainText('Euro savings');
});

test('create: the new portfolio appears in the list with a confirmation', async ({ page, seedUser, signIn }) => {
  await signIn(page, await seedUser('create'), '/portfolios');
  await page.getByTestId('portfolio-create-name').fill('Retirement');
  await page.getByTestId('portfolio-create-currency').selectOption('GBP');
  await page.getByTestId('portfolio-create-description').fill('Long term');
  await page.getByTestId('portfolio-create-submit').click();
  await expect(page.getByTestId('portfolio-create-success')).toHaveText('Created “Retirement”.');
  const row = page.locator('[data-portfolio-name="Retirement"]');
  await expect(row).toContainText('GBP');
  await expect(row).toContainText('Long term');
});

test('create: a blank name is refused next to the field', async ({ page, seedUser, signIn }) => {
  const user = await seedUser('createblank');
  await signIn(page, user, '/portfolios');
  await page.getByTestId('portfolio-create-name').fill('   ');
  await page.getByTestId('portfolio-create-submit').click();
  await expect(page.getByTestId('field-error-name')).toHaveText('Give the portfolio a name.');
  expect((await user.get<{ items: unknown[] }>('/api/v1/portfolios')).items).toEqual([]);
});

test('loading: the list says it is loading until the portfolios arrive', async ({ page, seedUser, signIn }) => {
  const user = await seedUser('listloading');
  await user.createPortfolio('Arrives');
  const release = await holdRequests(page, /^\/api\/v1\/portfolios$/);
  await signIn(page, user, '/portfolios');
  await expect(page.getByTestId('loading')).toHaveText('Loading portfolios…');
  release();
  await expect(page.locator('[data-portfolio-name="Arrives"]')).toBeVisible();
  await expect(page.getByTestId('loading')).toHaveCount(0);
});

test('server error: a gateway 503 is a message with a retry; the create form still works', async ({ page, seedUser, signIn }) => {
  const user = await seedUser('list503');
  await user.createPortfolio('Comes back');
  await gatewayDown(page, /^\/api\/v1\/portfolios$/);
  await signIn(page, user, '/portfolios');
  await expect(page.getByTestId('page-error')).toContainText('The service is temporarily unavailable.');
  await expect(page.getByTestId('portfolio-create-name')).toBeVisible();
  await page.unrouteAll();
  await page.getByTestId('page-retry').click();
  await expect(page.locator('[data-portfolio-name="Comes back"]')).toBeVisible();
});

test('rename: the new name shows on the page and in the list', async ({ page, seedUser, signIn }) => {
  const user = await seedUser('rename');
  const portfolio = await user.createPortfolio('Old name');
  await signIn(page, user, `/portfolios/${portfolio.id}`);
  await page.getByTestId('portfolio-rename-name').fill('New name');
  await page.getByTestId('portfolio-rename-submit').click();
  await expect(page.getByTestId('portfolio-rename-success')).toHaveText('Renamed to “New name”.');
  await expect(page.getByTestId('portfolio-title')).toHaveText('New name');
  expect((await user.get<{ name: string }>(`/api/v1/portfolios/${portfolio.id}`)).name).toBe('New name');
  await page.getByTestId('breadcrumb-portfolios').click();
  await expect(page.getByTestId(`portfolio-link-${portfolio.id}`)).toHaveText('New name');
});

test('rename: a blank name is refused and the old one kept', async ({ page, seedUser, signIn }) => {
  const user = await seedUser('renameblank');
  const portfolio = await user.createPortfolio('Keep me');
  await signIn(page, user, `/portfolios/${portfolio.id}`);
  await page.getByTestId('portfolio-rename-name').fill('');
  await page.getByTestId('portfolio-rename-submit').click();
  await expect(page.getByTestId('field-error-name')).toHaveText('Give the portfolio a name.');
  await expect(page.getByTestId('portfolio-title')).toHaveText('Keep me');
});

test('delete: an empty portfolio is deleted and the user is back at the list', async ({ page, seedUser, signIn }) => {
  const user = await seedUser('deleteempty');
  const portfolio = await user.createPortfolio('Short lived');
  await signIn(page, user, `/portfolios/${portfolio.id}`);
  await page.getByTestId('portfolio-delete').click();
  await expect(page).toHaveURL(/\/portfolios$/);
  await expect(page.getByTestId('portfolio-list-empty')).toBeVisible();
});

test('delete: refused while the portfolio holds cash and positions, then deleted with force', async ({ page, seedUser, signIn }) => {
  const user = await seedUser('deleteforce');
  const portfolio = await user.portfolioWith('Full', '1000.00', [{ symbol: 'KO', quantity: '2', price: '60.00' }]);
  await signIn(page, user, `/portfolios/${portfolio.id}`);
  await page.getByTestId('portfolio-delete').click();
  await expect(page.getByTestId('portfolio-delete-error')).toContainText('This portfolio still holds 1 position(s) and 880.00 in cash.');
  expect((await user.get<{ id: string }>(`/api/v1/portfolios/${portfolio.id}`)).id).toBe(portfolio.id);
  await page.getByTestId('portfolio-delete-force').click();
  await expect(page).toHaveURL(/\/portfolios$/);
  await expect(page.getByTestId('portfolio-list-empty')).toBeVisible();
  await page.goto(`/portfolios/${portfolio.id}`);
  await expect(page.getByTestId('portfolio-not-found')).toBeVisible();
});

test.describe('on a 375 px screen', () => {
  test.use({ viewport: { width: 375, height: 740 } });

  test('the list and the create form fit the screen', async ({ page, seedUser, signIn }) => {
    const user = await seedUser('narrowlist');
    await user.portfolioWith('A portfolio with a rather long name indeed', '123456789.00');
    await signIn(page, user, '/portfolios');
    await expect(page.getByTestId('portfolio-list')).toBeVisible();
    await page.getByTestId('portfolio-create-submit').scrollIntoViewIfNeeded();
    await expect(page.getByTestId('portfolio-create-submit')).toBeInViewport();
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
  });
});
