import { test, expect } from './fixtures.ts';

test('the API reference at /api/docs renders the OpenAPI document, offline and within its CSP', async ({ page, baseURL }) => {
  // A 4 MB renderer: on a loaded 2-core machine it can take longer than the journeys' 30 s ceiling.
  test.setTimeout(90_000);
  const origin = new URL(baseURL!).origin;
  const elsewhere: string[] = [];
  const complaints: string[] = [];
  // Offline: anything not served by the gateway itself is refused (and named in the failure).
  await page.route('**/*', (route) => {
    if (new URL(route.request().url()).origin === origin || route.request().url().startsWith('data:')) return route.continue();
    elsewhere.push(route.request().url());
    return route.abort();
  });
  // Whatever the page complains about fails the test: a CSP refusal of any kind (a font, script, style, fetch or
  // worker), any other console error, an uncaught exception, a request that fails.
  page.on('console', (message) => {
    if (message.type() === 'error' || /Content.Security.Policy/i.test(message.text())) complaints.push(`console ${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => complaints.push(`uncaught: ${error.message}`));
  page.on('requestfailed', (request) => complaints.push(`request failed: ${request.url()} (${request.failure()?.errorText})`));

  await page.goto('/api/docs');
  // The title and description of the document, and its operations in the sidebar.
  await expect(page.getByRole('heading', { name: 'Ledgerline API' }).first()).toBeVisible({ timeout: 15_000 });
  await expect(page.getByText('The public API of Ledgerline').first()).toBeVisible();
  await expect(page.getByRole('link', { name: /Create an account/ }).first()).toBeVisible();
  await page.getByRole('button', { name: /Open Group - transactions/ }).first().click();
  await expect(page.getByRole('link', { name: /Record a trade or cash movement/ }).first()).toBeVisible();
  // Text is set in the system's fonts: the page declares no web font (so none is fetched and none is refused).
  expect(await page.evaluate(() => [...document.fonts].map((face) => `${face.family} ${face.status}`))).toEqual([]);
  expect(elsewhere).toEqual([]);
  expect(complaints).toEqual([]);
});
