import { test, expect, newUserData } from './fixtures.ts';

test('registration rejects a weak password and shows which rule it breaks', async ({ page }) => {
  const user = newUserData('weak');
  await page.goto('/register');
  await expect(page.getByTestId('password-rules')).toContainText('At least 12 characters');
  await page.getByTestId('register-email').fill(user.email);
  await page.getByTestId('register-password').fill('short1');
  await page.getByTestId('register-fullname').fill(user.fullName);
  await page.getByTestId('register-goal-income').check();
  await page.getByTestId('register-submit').click();
  await expect(page.getByTestId('field-error-password')).toBeVisible();
  await expect(page.getByTestId('password-rule-too_short')).toHaveClass(/broken/);
  await expect(page).toHaveURL(/\/register$/);
});

test('a wrong password is refused with one clear message', async ({ page, registeredUser }) => {
  const user = await registeredUser('wrongpw');
  await page.goto('/login');
  await page.getByTestId('login-email').fill(user.email);
  await page.getByTestId('login-password').fill('Not-The-Password-9');
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('login-error')).toHaveText('The email or password is incorrect.');
  await expect(page).toHaveURL(/\/login$/);
});

test('a deactivated user is refused at login', async ({ page, api, registeredUser }) => {
  const user = await registeredUser('deactivated');
  const admin = await api.post('/api/v1/auth/login', { data: { email: process.env.E2E_ADMIN_EMAIL, password: process.env.E2E_ADMIN_PASSWORD } });
  expect(admin.status()).toBe(200);
  const { accessToken } = await admin.json();
  const deactivated = await api.post(`/api/v1/auth/users/${user.id}/deactivate`, { headers: { authorization: `Bearer ${accessToken}` } });
  expect(deactivated.status()).toBe(200);

  await page.goto('/login');
  await page.getByTestId('login-email').fill(user.email);
  await page.getByTestId('login-password').fill(user.password);
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('login-error')).toContainText('deactivated');
});

test('one user cannot open another user’s portfolio by URL', async ({ browser, registeredUser, logIn, createPortfolio }) => {
  const owner = await registeredUser('owner');
  const ownerPage = await (await browser.newContext()).newPage();
  await logIn(ownerPage, owner);
  const portfolioId = await createPortfolio(ownerPage, 'Private');

  const intruder = await registeredUser('intruder');
  const intruderPage = await (await browser.newContext()).newPage();
  await logIn(intruderPage, intruder);
  await intruderPage.goto(`/portfolios/${portfolioId}`);
  await expect(intruderPage.getByTestId('portfolio-not-found')).toBeVisible();
  await expect(intruderPage.getByTestId('portfolio-title')).toHaveCount(0);
  await intruderPage.goto(`/portfolios/${portfolioId}/history`);
  await expect(intruderPage.getByTestId('portfolio-not-found')).toBeVisible();
});

test('selling more than is held is refused with the reason shown, and nothing is recorded', async ({ page, registeredUser, logIn, createPortfolio, recordTrade }) => {
  await logIn(page, await registeredUser('oversell'));
  await createPortfolio(page, 'Small');
  await recordTrade(page, { type: 'deposit', amount: '5000.00' });
  await expect(page.getByTestId('trade-success')).toBeVisible();
  await recordTrade(page, { type: 'buy', symbol: 'MSFT', quantity: '3', price: '400.00' });
  await expect(page.getByTestId('trade-success')).toBeVisible();
  await recordTrade(page, { type: 'sell', symbol: 'MSFT', quantity: '5', price: '410.00' });
  await expect(page.getByTestId('trade-error')).toContainText('Cannot sell 5: only 3 held.');
  await page.getByTestId('portfolio-history-link').click();
  await expect(page.getByTestId('history-row')).toHaveCount(2);
});

test('an expired session returns the user to log in with a message', async ({ page, registeredUser, logIn }) => {
  await logIn(page, await registeredUser('expiry'));
  // The session's tokens are no longer accepted (an expired access token, a refresh token that was revoked):
  await page.evaluate(() => {
    const key = 'ledgerline.session';
    const session = JSON.parse(window.sessionStorage.getItem(key) ?? '{}');
    window.sessionStorage.setItem(key, JSON.stringify({ ...session, accessToken: `${session.accessToken}x`, refreshToken: 'revoked' }));
  });
  await page.getByTestId('nav-portfolios').click();
  await page.reload();
  await expect(page).toHaveURL(/\/login/);
  await expect(page.getByTestId('session-message')).toHaveText('Your session has expired. Please log in again.');
});

test('log out ends the session: protected pages send you to log in', async ({ page, registeredUser, logIn }) => {
  await logIn(page, await registeredUser('logout'));
  await page.getByTestId('logout').click();
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByTestId('login-notice')).toHaveText('You have been logged out.');
  await page.goto('/portfolios');
  await expect(page).toHaveURL(/\/login/);
});
