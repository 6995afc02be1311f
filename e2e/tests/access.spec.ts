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

test('a deactivated user is refused at login', async ({ page, registeredUser, admin }) => {
  const user = await registeredUser('deactivated');
  const boss = await admin();
  const deactivated = await page.request.post(`/api/v1/auth/users/${user.id}/deactivate`, { headers: { authorization: `Bearer ${boss.accessToken}` } });
  expect(deactivated.status()).toBe(200);

  await page.goto('/login');
  await page.getByTestId('login-email').fill(user.email);
  await page.getByTestId('login-password').fill(user.password);
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('login-error')).toContainText('deactivated');
});

test('one user cannot open another user’s portfolio by URL', async ({ page, seedUser, signIn }) => {
  const owner = await seedUser('owner');
  const portfolio = await owner.createPortfolio('Private');
  await signIn(page, await seedUser('intruder'), `/portfolios/${portfolio.id}`);
  await expect(page.getByTestId('portfolio-not-found')).toBeVisible();
  await expect(page.getByTestId('portfolio-title')).toHaveCount(0);
  await page.goto(`/portfolios/${portfolio.id}/history`);
  await expect(page.getByTestId('portfolio-not-found')).toBeVisible();
  await page.goto(`/portfolios/${portfolio.id}/trade`);
  await expect(page.getByTestId('portfolio-not-found')).toBeVisible();
});

test('selling more than is held is refused with the reason shown, and nothing is recorded', async ({ page, seedUser, signIn }) => {
  const user = await seedUser('oversell');
  const portfolio = await user.portfolioWith('Small', '5000.00', [{ symbol: 'MSFT', quantity: '3', price: '400.00' }]);
  await signIn(page, user, `/portfolios/${portfolio.id}/trade`);
  await page.getByTestId('trade-type').selectOption('sell');
  await page.getByTestId('trade-symbol').fill('MSFT');
  await page.getByTestId('trade-quantity').fill('5');
  await page.getByTestId('trade-price').fill('410.00');
  await page.getByTestId('trade-submit').click();
  await expect(page.getByTestId('trade-error')).toContainText('Cannot sell 5: only 3 held.');
  await page.getByTestId('portfolio-history-link').click();
  await expect(page.getByTestId('history-row')).toHaveCount(2);
  expect((await user.holdings(portfolio.id)).map((h) => [h.symbol, h.quantity])).toEqual([['MSFT', '3']]);
});

test('an expired session returns the user to log in with a message', async ({ page, seedUser, signIn }) => {
  await signIn(page, await seedUser('expiry'), '/portfolios');
  await expect(page.getByTestId('nav-user')).toBeVisible();
  // The session's tokens are no longer accepted (an expired access token, a refresh token that was revoked):
  await page.evaluate(() => {
    const key = 'ledgerline.session';
    const session = JSON.parse(window.sessionStorage.getItem(key) ?? '{}');
    window.sessionStorage.setItem(key, JSON.stringify({ ...session, accessToken: `${session.accessToken}x`, refreshToken: 'revoked' }));
  });
  await page.reload();
  await expect(page).toHaveURL(/\/login/);
  await expect(page.getByTestId('session-message')).toHaveText('Your session has expired. Please log in again.');
});

test('log out ends the session: protected pages send you to log in', async ({ page, seedUser, signIn }) => {
  const user = await seedUser('logout');
  await signIn(page, user, '/portfolios');
  await page.getByTestId('logout').click();
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByTestId('login-notice')).toHaveText('You have been logged out.');
  await page.goto('/portfolios');
  await expect(page).toHaveURL(/\/login/);
  // The refresh token was revoked on the server too.
  expect((await page.request.post('/api/v1/auth/refresh', { data: { refreshToken: user.refreshToken } })).status()).toBe(401);
});
