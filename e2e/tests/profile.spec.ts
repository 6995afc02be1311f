import { test, expect, gatewayDown } from './fixtures.ts';
import { GOAL_LABELS } from '../../services/web/src/lib/profile-form.ts';

// The profile screen (GET/PATCH /api/v1/auth/me).

test('shows the signed-in user’s profile as the API returns it', async ({ page, seedUser, signIn }) => {
  const user = await seedUser('profileshow');
  const me = await user.me();
  await signIn(page, user, '/portfolios');
  await page.getByTestId('nav-user').click();
  await expect(page).toHaveURL(/\/profile$/);
  await expect(page.getByTestId('profile-email')).toHaveText(me.email);
  await expect(page.getByTestId('profile-role')).toHaveText(me.role);
  await expect(page.getByTestId('profile-fullname')).toHaveValue(me.fullName);
  await expect(page.getByTestId('profile-risk')).toHaveValue(me.investmentProfile.riskTolerance);
  await expect(page.getByTestId('profile-horizon')).toHaveValue(String(me.investmentProfile.horizonYears));
  for (const goal of Object.keys(GOAL_LABELS)) {
    const box = page.getByTestId(`profile-goal-${goal}`);
    if (me.investmentProfile.goals.includes(goal as never)) await expect(box).toBeChecked();
    else await expect(box).not.toBeChecked();
  }
});

test('edit: the changes are saved, the top bar shows the new name, and a reload shows them too', async ({ page, seedUser, signIn }) => {
  const user = await seedUser('profileedit');
  await signIn(page, user, '/profile');
  await page.getByTestId('profile-fullname').fill('Grace Hopper');
  await page.getByTestId('profile-risk').selectOption('aggressive');
  await page.getByTestId('profile-horizon').fill('30');
  await page.getByTestId('profile-goal-retirement').uncheck();
  await page.getByTestId('profile-goal-wealth_growth').check();
  await page.getByTestId('profile-submit').click();
  await expect(page.getByTestId('profile-success')).toHaveText('Your profile has been saved.');
  await expect(page.getByTestId('nav-user')).toHaveText('Grace Hopper');
  const me = await user.me();
  expect({ fullName: me.fullName, ...me.investmentProfile }).toEqual({ fullName: 'Grace Hopper', riskTolerance: 'aggressive', horizonYears: 30, goals: ['wealth_growth'] });
  await page.reload();
  await expect(page.getByTestId('profile-fullname')).toHaveValue('Grace Hopper');
  await expect(page.getByTestId('profile-goal-wealth_growth')).toBeChecked();
});

test('edit: the server’s refusals are shown next to each field and nothing is saved', async ({ page, seedUser, signIn }) => {
  const user = await seedUser('profilebad');
  await signIn(page, user, '/profile');
  await page.getByTestId('profile-horizon').fill('99');
  await page.getByTestId('profile-goal-retirement').uncheck();
  await page.getByTestId('profile-submit').click();
  await expect(page.getByTestId('field-error-investmentProfile.horizonYears')).toBeVisible();
  await expect(page.getByTestId('field-error-investmentProfile.goals')).toBeVisible();
  await expect(page.getByTestId('profile-error')).toBeVisible();
  expect((await user.me()).investmentProfile).toEqual({ riskTolerance: 'moderate', horizonYears: 10, goals: ['retirement'] });
});

test('an unchanged form sends nothing and says so', async ({ page, seedUser, signIn }) => {
  await signIn(page, await seedUser('profilesame'), '/profile');
  let patched = 0;
  page.on('request', (request) => request.method() === 'PATCH' && (patched += 1));
  await page.getByTestId('profile-submit').click();
  await expect(page.getByTestId('profile-success')).toHaveText('Nothing to save: the profile is unchanged.');
  expect(patched).toBe(0);
});

test('server error: a gateway 503 on saving is shown, the form keeps what was typed', async ({ page, seedUser, signIn }) => {
  const user = await seedUser('profile503');
  await signIn(page, user, '/profile');
  await expect(page.getByTestId('profile-fullname')).toHaveValue(user.fullName);
  await page.route('**/api/v1/auth/me', (route) => (route.request().method() === 'PATCH'
    ? route.fulfill({ status: 503, contentType: 'application/problem+json', body: JSON.stringify({ title: 'Service Unavailable', status: 503, code: 'upstream_unavailable', detail: 'The service is temporarily unavailable. Please try again.' }) })
    : route.continue()));
  await page.getByTestId('profile-fullname').fill('Not saved');
  await page.getByTestId('profile-submit').click();
  await expect(page.getByTestId('profile-error')).toContainText('The service is temporarily unavailable.');
  await expect(page.getByTestId('profile-fullname')).toHaveValue('Not saved');
  expect((await user.me()).fullName).toBe(user.fullName);
});

test('server error on loading: a message with a retry, not a blank page', async ({ page, seedUser, signIn }) => {
  const user = await seedUser('profileload503');
  await gatewayDown(page, /^\/api\/v1\/auth\/me$/);
  await signIn(page, user, '/profile');
  await expect(page.getByTestId('page-error')).toContainText('The service is temporarily unavailable.');
  await page.unrouteAll();
  await page.getByTestId('page-retry').click();
  await expect(page.getByTestId('profile-email')).toHaveText(user.email);
});

test.describe('on a 375 px screen', () => {
  test.use({ viewport: { width: 375, height: 740 } });

  test('the profile form fits the screen', async ({ page, seedUser, signIn }) => {
    await signIn(page, await seedUser('profilenarrow'), '/profile');
    await expect(page.getByTestId('profile-form')).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
  });
});
