import { randomUUID } from 'node:crypto';
import AxeBuilder from '@axe-core/playwright';
import axe from 'axe-core';
import { test, expect } from './fixtures.ts';
import type { Page } from '@playwright/test';

// An axe scan (WCAG 2.1 A/AA rules) of every screen in its main states: no serious or critical violation.
// Then one journey done with the keyboard alone.

// Legacy mode: axe runs in the page itself. The default opens a blank tab (a new renderer process) for every scan to
// merge per-frame results — about 0.7 s of CPU per scan here (17 scans), for iframes this app does not have.
// axe-core itself is put into each document once: AxeBuilder sends its 650 kB source to the page twice per scan (once
// to check for runPartial, once to inject), to be sent and compiled again each time; given an empty `axeSource` it uses
// the axe already there. The accessibility tests' CPU: 27.7–28.7 → 24.2–25.8 s (TESTING.md has the measurement).
async function expectNoSeriousViolations(page: Page) {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axe.source);
  const { violations } = await new AxeBuilder({ page, axeSource: ';' }).setLegacyMode(true).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const serious = violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(serious).toEqual([]);
}

test('axe: log in, blank and with an error', async ({ page }) => {
  await page.goto('/login');
  await expect(page.getByTestId('login-submit')).toBeVisible();
  await expectNoSeriousViolations(page);
  await page.getByTestId('login-email').fill(`nobody-${randomUUID().slice(0, 8)}@e2e.test`);
  await page.getByTestId('login-password').fill('Wrong-Password-99');
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('login-error')).toBeVisible();
  await expectNoSeriousViolations(page);
});

test('axe: register, blank and with field errors', async ({ page }) => {
  await page.goto('/register');
  await expect(page.getByTestId('password-rule-too_short')).toBeVisible();
  await expectNoSeriousViolations(page);
  await page.getByTestId('register-email').fill('not-an-email');
  await page.getByTestId('register-password').fill('short');
  await page.getByTestId('register-submit').click();
  await expect(page.getByTestId('field-error-email')).toBeVisible();
  await expectNoSeriousViolations(page);
});

test('axe: portfolio list, empty and filled', async ({ page, seedUser, signIn }) => {
  const user = await seedUser('axelist');
  await signIn(page, user, '/portfolios');
  await expect(page.getByTestId('portfolio-list-empty')).toBeVisible();
  await expectNoSeriousViolations(page);
  await user.portfolioWith('Axe', '10.00');
  await page.reload();
  await expect(page.getByTestId('portfolio-list')).toBeVisible();
  await expectNoSeriousViolations(page);
});

test('axe: portfolio page, empty and filled', async ({ page, seedUser, signIn }) => {
  const user = await seedUser('axeportfolio');
  const empty = await user.createPortfolio('Empty');
  await signIn(page, user, `/portfolios/${empty.id}`);
  await expect(page.getByTestId('holdings-empty')).toBeVisible();
  await expectNoSeriousViolations(page);
  const full = await user.portfolioWith('Full', '5000.00', [{ symbol: 'NVDA', quantity: '5', price: '100.00' }, { symbol: 'LQD', quantity: '3', price: '100.00' }]);
  await user.record(full.id, { type: 'sell', symbol: 'NVDA', quantity: '1', price: '90.00' });
  await page.goto(`/portfolios/${full.id}`);
  await expect(page.getByTestId('holdings-table')).toBeVisible();
  await expectNoSeriousViolations(page);
});

test('axe: record a transaction, the form and a refusal', async ({ page, seedUser, signIn }) => {
  const user = await seedUser('axetrade');
  const portfolio = await user.createPortfolio('Trade');
  await signIn(page, user, `/portfolios/${portfolio.id}/trade`);
  await expect(page.getByTestId('trade-form')).toBeVisible();
  await expectNoSeriousViolations(page);
  await page.getByTestId('trade-symbol').fill('AAPL');
  await page.getByTestId('trade-quantity').fill('1');
  await page.getByTestId('trade-price').fill('10.00');
  await page.getByTestId('trade-submit').click();
  await expect(page.getByTestId('trade-error')).toBeVisible();
  await expectNoSeriousViolations(page);
});

test('axe: history, filled and empty', async ({ page, seedUser, signIn }) => {
  const user = await seedUser('axehistory');
  const portfolio = await user.portfolioWith('History', '100.00');
  await signIn(page, user, `/portfolios/${portfolio.id}/history`);
  await expect(page.getByTestId('history-table')).toBeVisible();
  await expectNoSeriousViolations(page);
  await page.getByTestId('history-filter-type').selectOption('fee');
  await page.getByTestId('history-apply').click();
  await expect(page.getByTestId('history-empty')).toBeVisible();
  await expectNoSeriousViolations(page);
});

test('axe: profile, and admin', async ({ page, admin, signIn }) => {
  await signIn(page, await admin(), '/profile');
  await expect(page.getByTestId('profile-form')).toBeVisible();
  await expectNoSeriousViolations(page);
  await page.getByTestId('nav-admin').click();
  await expect(page.getByTestId('admin-instruments')).toBeVisible();
  await expectNoSeriousViolations(page);
});

test('axe: page not found, portfolio not found, and a load failure', async ({ page, seedUser, signIn }) => {
  await signIn(page, await seedUser('axenotfound'), '/nowhere');
  await expect(page.getByTestId('page-not-found')).toBeVisible();
  await expectNoSeriousViolations(page);
  await page.goto(`/portfolios/${randomUUID()}`);
  await expect(page.getByTestId('portfolio-not-found')).toBeVisible();
  await expectNoSeriousViolations(page);
  await page.route('**/api/v1/portfolios', (route) => route.fulfill({ status: 503, contentType: 'application/problem+json', body: JSON.stringify({ title: 'Service Unavailable', status: 503, code: 'upstream_unavailable', detail: 'The service is temporarily unavailable. Please try again.' }) }));
  await page.goto('/portfolios');
  await expect(page.getByTestId('page-error')).toBeVisible();
  await expectNoSeriousViolations(page);
});

/** Presses Tab (or `key`) until the element with `testid` has the focus (at most `limit` presses); returns the presses. */
async function tabTo(page: Page, testid: string, limit = 40, key = 'Tab'): Promise<number> {
  for (let presses = 1; presses <= limit; presses += 1) {
    await page.keyboard.press(key);
    if (await page.evaluate((id) => document.activeElement?.getAttribute('data-testid') === id, testid)) return presses;
  }
  throw new Error(`Tab never reached ${testid}`);
}

/** The focused element shows a visible focus indicator (an outline of some width). */
async function expectVisibleFocus(page: Page) {
  const outline = await page.evaluate(() => {
    const style = window.getComputedStyle(document.activeElement!);
    return { style: style.outlineStyle, width: parseFloat(style.outlineWidth) };
  });
  expect(outline.style).not.toBe('none');
  expect(outline.width).toBeGreaterThan(0);
}

test('keyboard only: log in, create a portfolio, record a deposit and a purchase, read the chart’s text', async ({ page, registeredUser }) => {
  const user = await registeredUser('keyboard');
  await page.goto('/login');
  // Tab order follows the page: the email field, then the password, then the button.
  await tabTo(page, 'login-email');
  await page.keyboard.type(user.email);
  expect(await tabTo(page, 'login-password', 1)).toBe(1);
  await page.keyboard.type(user.password);
  expect(await tabTo(page, 'login-submit', 1)).toBe(1);
  await expectVisibleFocus(page);
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Enter'); // Enter in the password field submits the form
  await expect(page).toHaveURL(/\/portfolios$/);

  await tabTo(page, 'portfolio-create-name');
  await page.keyboard.type('Keys');
  await page.keyboard.press('Enter');
  await expect(page.locator('[data-portfolio-name="Keys"]')).toBeVisible();
  const id = (await page.locator('[data-portfolio-name="Keys"]').getAttribute('data-testid'))!.replace('portfolio-row-', '');
  await tabTo(page, `portfolio-trade-${id}`, 20, 'Shift+Tab'); // the list is before the form
  await expectVisibleFocus(page);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('trade-form')).toBeVisible();

  await tabTo(page, 'trade-type');
  await page.keyboard.press('ArrowDown'); // buy → sell
  await page.keyboard.press('ArrowDown'); // → deposit
  await expect(page.getByTestId('trade-type')).toHaveValue('deposit');
  await tabTo(page, 'trade-amount', 2);
  await page.keyboard.type('1000.00');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('trade-success')).toContainText('Deposited 1,000.00 USD.');

  await tabTo(page, 'trade-type', 2, 'Shift+Tab');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  await expect(page.getByTestId('trade-type')).toHaveValue('buy');
  await tabTo(page, 'trade-symbol', 2);
  await page.keyboard.type('AAPL');
  await page.keyboard.press('Tab');
  await page.keyboard.type('2');
  await page.keyboard.press('Tab');
  await page.keyboard.type('150.00');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('trade-success')).toContainText('Bought 2 AAPL');

  await tabTo(page, 'portfolio-overview-link', 20, 'Shift+Tab');
  await expectVisibleFocus(page);
  await page.keyboard.press('Enter');
  // The chart is an image with a text alternative naming each slice and its weight.
  const chart = page.getByRole('img', { name: /^Allocation by asset class: Equities 100(\.0+)?%/ });
  await expect(chart).toBeVisible();
  await tabTo(page, 'allocation-by-holding');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('img', { name: /^Allocation by holding: AAPL 100(\.0+)?%/ })).toBeVisible();
});
