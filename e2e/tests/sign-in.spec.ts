import { test, expect, newUserData, type User } from './fixtures.ts';
import type { Page } from '@playwright/test';

// Register and log in: each server-side refusal shown where the user looks for it.

async function register(page: Page, user: User, options: { goals?: string[]; horizon?: string } = {}) {
  await page.goto('/register');
  await page.getByTestId('register-email').fill(user.email);
  await page.getByTestId('register-password').fill(user.password);
  await page.getByTestId('register-fullname').fill(user.fullName);
  if (options.horizon !== undefined) await page.getByTestId('register-horizon').fill(options.horizon);
  for (const goal of options.goals ?? ['income']) await page.getByTestId(`register-goal-${goal}`).check();
  await page.getByTestId('register-submit').click();
}

test('register: a taken email is refused next to the email field', async ({ page, registeredUser }) => {
  const existing = await registeredUser('taken');
  await register(page, { ...newUserData('again'), email: existing.email.toUpperCase() });
  await expect(page.getByTestId('field-error-email')).toHaveText('This email is already registered.');
  await expect(page.getByTestId('register-error')).toContainText('An account with this email already exists.');
  await expect(page).toHaveURL(/\/register$/);
});

test('register: a password breaking several rules marks each broken rule, and only those', async ({ page }) => {
  const user = newUserData('weakrules');
  await register(page, { ...user, password: 'qzxvkw' });
  await expect(page.getByTestId('field-error-password')).toBeVisible();
  await expect(page.locator('[data-testid^="password-rule-"].broken')).toHaveCount(2);
  await expect(page.getByTestId('password-rule-too_short')).toHaveClass(/broken/);
  await expect(page.getByTestId('password-rule-too_few_classes')).toHaveClass(/broken/);
  await expect(page.getByTestId('password-rule-same_as_email')).not.toHaveClass(/broken/);
});

test('register: an invalid email, no goal and a horizon out of range are each shown next to their field', async ({ page }) => {
  await register(page, { ...newUserData('fields'), email: 'not-an-email' }, { goals: [], horizon: '0' });
  await expect(page.getByTestId('field-error-email')).toHaveText('Enter a valid email address.');
  await expect(page.getByTestId('field-error-investmentProfile.goals')).toBeVisible();
  await expect(page.getByTestId('field-error-investmentProfile.horizonYears')).toBeVisible();
});

test('register: success logs the new user in, with their name in the top bar', async ({ page }) => {
  const user = newUserData('newcomer');
  await register(page, user);
  await expect(page).toHaveURL(/\/portfolios$/);
  await expect(page.getByTestId('nav-user')).toHaveText(user.fullName);
  await expect(page.getByTestId('portfolio-list-empty')).toBeVisible();
});

test('login: after too many failures the account is locked, with the Retry-After time shown', async ({ page, api, registeredUser }) => {
  const user = await registeredUser('lockout');
  for (let attempt = 0; attempt < 5; attempt += 1) {
    expect((await api.post('/api/v1/auth/login', { data: { email: user.email, password: 'Wrong-Password-99' } })).status()).toBe(401);
  }
  await page.goto('/login');
  await page.getByTestId('login-email').fill(user.email);
  await page.getByTestId('login-password').fill(user.password);
  await page.getByTestId('login-submit').click();
  const message = page.getByTestId('login-error');
  await expect(message).toHaveText(/^Too many login attempts\. Please try again in \d+ seconds\.$/);
  const seconds = Number((await message.textContent())!.match(/in (\d+) seconds/)![1]);
  expect(seconds).toBeGreaterThan(0);
  expect(seconds).toBeLessThanOrEqual(15 * 60);
  await expect(page).toHaveURL(/\/login$/);
});

test('login: Enter submits, and the user lands on their portfolios', async ({ page, registeredUser }) => {
  const user = await registeredUser('enter');
  await page.goto('/login');
  await page.getByTestId('login-email').fill(user.email);
  await page.getByTestId('login-password').fill(user.password);
  await page.getByTestId('login-password').press('Enter');
  await expect(page).toHaveURL(/\/portfolios$/);
  await expect(page.getByTestId('nav-user')).toHaveText(user.fullName);
});

test('a signed-out deep link asks to log in, then opens the page that was asked for', async ({ page, seedUser }) => {
  const user = await seedUser('returnto');
  const portfolio = await user.portfolioWith('Return here', '7.00');
  await page.goto(`/portfolios/${portfolio.id}/history`);
  await expect(page).toHaveURL(/\/login$/);
  await page.getByTestId('login-email').fill(user.email);
  await page.getByTestId('login-password').fill(user.password);
  await page.getByTestId('login-submit').click();
  await expect(page).toHaveURL(new RegExp(`/portfolios/${portfolio.id}/history$`));
  await expect(page.getByTestId('history-amount')).toHaveText('7.00');
});

test('a signed-in user is sent from the login and register pages to their portfolios', async ({ page, seedUser, signIn }) => {
  await signIn(page, await seedUser('guestonly'), '/login');
  await expect(page).toHaveURL(/\/portfolios$/);
  await page.goto('/register');
  await expect(page).toHaveURL(/\/portfolios$/);
});

test('an unknown address shows "Page not found" with a way back', async ({ page, seedUser, signIn }) => {
  await signIn(page, await seedUser('lost'), '/no/such/page');
  await expect(page.getByTestId('page-not-found')).toBeVisible();
  await page.getByTestId('page-not-found').getByRole('link').click();
  await expect(page).toHaveURL(/\/portfolios$/);
});
