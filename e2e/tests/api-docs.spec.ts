import { test, expect } from './fixtures.ts';

test('the API reference at /api/docs renders the OpenAPI document, offline and within its CSP', async ({ page, baseURL }) => {
  const origin = new URL(baseURL!).origin;
  const elsewhere: string[] = [];
  const cspViolations: string[] = [];
  // Offline: anything not served by the gateway itself is refused (and named in the failure).
  await page.route('**/*', (route) => {
    if (new URL(route.request().url()).origin === origin || route.request().url().startsWith('data:')) return route.continue();
    elsewhere.push(route.request().url());
    return route.abort();
  });
  // Scalar's theme names its web fonts on fonts.scalar.com: the CSP refuses them (system fonts are used), and
  // that is the only refusal allowed; any blocked script, style, fetch or worker fails the test.
  page.on('console', (message) => {
    const text = message.text();
    if (/Content.Security.Policy/i.test(text) && !/^Loading the font 'https:\/\/fonts\.scalar\.com\//.test(text)) cspViolations.push(text);
  });

  await page.goto('/api/docs');
  // The title and description of the document, and its operations in the sidebar.
  await expect(page.getByRole('heading', { name: 'Ledgerline API' }).first()).toBeVisible({ timeout: 15_000 });
  await expect(page.getByText('The public API of Ledgerline').first()).toBeVisible();
  await expect(page.getByRole('link', { name: /Create an account/ }).first()).toBeVisible();
  await page.getByRole('button', { name: /Open Group - transactions/ }).first().click();
  await expect(page.getByRole('link', { name: /Record a trade or cash movement/ }).first()).toBeVisible();
  expect(elsewhere).toEqual([]);
  expect(cspViolations).toEqual([]);
});
