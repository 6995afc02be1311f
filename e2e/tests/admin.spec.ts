import { test, expect, ADMIN_PRICE_SYMBOL } from './fixtures.ts';
import { expectHoldingsTable, expectPerformance } from './figures.ts';
import { formatMoney } from '../../services/web/src/lib/money.ts';

// The admin screen: deactivate a user, update an instrument price. The admin is the account the auth service
// creates at start from AUTH_ADMIN_EMAIL / AUTH_ADMIN_PASSWORD (the system kit sets them for the e2e run).

test('the admin link and screen are for admins only', async ({ page, seedUser, signIn }) => {
  await signIn(page, await seedUser('notadmin'), '/portfolios');
  await expect(page.getByTestId('nav-user')).toBeVisible();
  await expect(page.getByTestId('nav-admin')).toHaveCount(0);
  await page.goto('/admin');
  await expect(page.getByTestId('admin-forbidden')).toBeVisible();
  await expect(page.getByTestId('admin-deactivate-form')).toHaveCount(0);
});

// The auth service refuses a deactivated user's tokens at once (the other services within one access-token
// lifetime): their next page load asks auth who they are, is refused, cannot refresh, and lands on log in.
test('deactivation: the user’s next page load sends them to log in, and they cannot log in again', async ({ browser, page, admin, seedUser, signIn }) => {
  const user = await seedUser('victim');
  const portfolio = await user.createPortfolio('Soon gone');
  const userPage = await (await browser.newContext()).newPage();
  await signIn(userPage, user, `/portfolios/${portfolio.id}`);
  await expect(userPage.getByTestId('portfolio-title')).toHaveText('Soon gone');

  await signIn(page, await admin(), '/portfolios');
  await page.getByTestId('nav-admin').click();
  await page.getByTestId('admin-user-id').fill(user.id);
  await page.getByTestId('admin-deactivate-submit').click();
  await expect(page.getByTestId('admin-deactivate-success')).toContainText(`${user.fullName} (${user.email}) is deactivated`);

  await userPage.goto(`/portfolios/${portfolio.id}/history`);
  await expect(userPage).toHaveURL(/\/login$/);
  await expect(userPage.getByTestId('session-message')).toHaveText('Your session has expired. Please log in again.');
  await userPage.getByTestId('login-email').fill(user.email);
  await userPage.getByTestId('login-password').fill(user.password);
  await userPage.getByTestId('login-submit').click();
  await expect(userPage.getByTestId('login-error')).toHaveText('This account has been deactivated. Please contact your adviser.');
  await userPage.context().close();
});

test('deactivation of an unknown id is refused with the server’s reason', async ({ page, admin, signIn }) => {
  await signIn(page, await admin(), '/admin');
  await page.getByTestId('admin-user-id').fill('00000000-0000-4000-8000-000000000000');
  await page.getByTestId('admin-deactivate-submit').click();
  await expect(page.getByTestId('admin-deactivate-error')).toBeVisible();
  await expect(page.getByTestId('admin-deactivate-success')).toHaveCount(0);
});

test('price update: the instrument table and every portfolio holding it revalue', async ({ browser, page, admin, seedUser, signIn }) => {
  const user = await seedUser('revalued');
  const portfolio = await user.portfolioWith('Revalued', '1000.00', [{ symbol: ADMIN_PRICE_SYMBOL, quantity: '4', price: '50.00' }]);
  const userPage = await (await browser.newContext()).newPage();
  await signIn(userPage, user, `/portfolios/${portfolio.id}`);
  await expect(userPage.getByTestId(`holding-quantity-${ADMIN_PRICE_SYMBOL}`)).toHaveText('4');

  const newPrice = `${60 + Math.floor(Math.random() * 30)}.25`;
  await signIn(page, await admin(), '/admin');
  await page.getByTestId('admin-price-symbol').selectOption(ADMIN_PRICE_SYMBOL);
  await page.getByTestId('admin-price-value').fill(newPrice);
  await page.getByTestId('admin-price-submit').click();
  await expect(page.getByTestId('admin-price-success')).toHaveText(`${ADMIN_PRICE_SYMBOL} is now priced at ${newPrice} USD. Every portfolio holding it is revalued.`);
  await expect(page.getByTestId(`admin-price-${ADMIN_PRICE_SYMBOL}`)).toHaveText(newPrice);

  await userPage.reload();
  await expect(userPage.getByTestId(`holding-last-price-${ADMIN_PRICE_SYMBOL}`)).toHaveText(newPrice);
  await expectHoldingsTable(userPage, await user.holdings(portfolio.id));
  await expectPerformance(userPage, await user.performance(portfolio.id));
  await userPage.context().close();
});

test('price update: a price that is not a positive amount is refused next to the field', async ({ page, admin, signIn }) => {
  await signIn(page, await admin(), '/admin');
  await page.getByTestId('admin-price-symbol').selectOption(ADMIN_PRICE_SYMBOL);
  await page.getByTestId('admin-price-value').fill('-3');
  await page.getByTestId('admin-price-submit').click();
  await expect(page.getByTestId('field-error-price')).toBeVisible();
  await expect(page.getByTestId('admin-price-error')).toBeVisible();
});

test('the admin screen lists every instrument with the price the API returned', async ({ page, admin, signIn }) => {
  const boss = await admin();
  const { items } = await boss.get<{ items: { symbol: string; lastPrice: string }[] }>('/api/v1/instruments');
  await signIn(page, boss, '/admin');
  await expect(page.getByTestId(/^admin-instrument-/)).toHaveCount(items.length);
  for (const i of items.filter((x) => x.symbol !== ADMIN_PRICE_SYMBOL)) await expect(page.getByTestId(`admin-price-${i.symbol}`)).toHaveText(formatMoney(i.lastPrice));
});
