import { test, expect } from './fixtures.ts';

// The browser context is reused within a worker (playwright.config.ts, `reuseContext`); these two run in order in
// one worker and prove that a test still starts as a stranger: no session, no routes, no init script of the test
// before it, and the default viewport.
test.describe.configure({ mode: 'serial' });

test('a signed-in test leaves a session, a stubbed route, an init script and a narrow viewport behind', async ({ page, seedUser, signIn }) => {
  await page.setViewportSize({ width: 375, height: 740 });
  await page.route('**/api/v1/auth/login', (route) => route.fulfill({ status: 500, body: 'left over' }));
  await signIn(page, await seedUser('leftover'), '/portfolios');
  await expect(page.getByTestId('portfolio-list-empty')).toBeVisible();
  expect(await page.evaluate(() => window.sessionStorage.getItem('ledgerline.session'))).toContain('accessToken');
});

test('the next test starts signed out, with none of it', async ({ page, seedUser }) => {
  await page.goto('/portfolios');
  await expect(page).toHaveURL(/\/login/);
  expect(await page.evaluate(() => window.sessionStorage.length)).toBe(0);
  expect(page.viewportSize()).toEqual({ width: 1280, height: 800 });
  // The route stubbed before is gone and the previous test's init script does not sign anyone in.
  const user = await seedUser('after');
  await page.getByTestId('login-email').fill(user.email);
  await page.getByTestId('login-password').fill(user.password);
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('nav-user')).toContainText(user.fullName);
});
