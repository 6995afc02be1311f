/**
 * Shared e2e fixtures. Every test makes its own users (unique emails) through the public API, so tests run
 * in parallel workers and in any order; only the instrument universe is shared, and it is read-only here.
 */
import { randomUUID } from 'node:crypto';
import { test as base, expect, type APIRequestContext, type Page } from '@playwright/test';

export interface User {
  email: string;
  password: string;
  fullName: string;
}

export const PASSWORD = 'Blue-Harbour-Lamp-7';

export function newUserData(label = 'user'): User {
  return { email: `${label}-${randomUUID().slice(0, 8)}@e2e.test`, password: PASSWORD, fullName: `E2E ${label}` };
}

interface Fixtures {
  api: APIRequestContext;
  /** Registers a user through the gateway API (not the UI) and returns their credentials. */
  registeredUser: (label?: string) => Promise<User & { id: string }>;
  /** Logs in through the UI and waits for the portfolio list. */
  logIn: (page: Page, user: User) => Promise<void>;
  /** Creates a portfolio through the UI and opens it; returns its id. */
  createPortfolio: (page: Page, name: string) => Promise<string>;
  /** Records a transaction through the trade form (fields by test id). */
  recordTrade: (page: Page, fields: Record<string, string>) => Promise<void>;
}

export const test = base.extend<Fixtures>({
  baseURL: async ({}, use) => {
    await use(process.env.E2E_BASE_URL);
  },
  api: async ({ playwright }, use) => {
    const context = await playwright.request.newContext({ baseURL: process.env.E2E_BASE_URL });
    await use(context);
    await context.dispose();
  },
  registeredUser: async ({ api }, use) => {
    await use(async (label = 'user') => {
      const user = newUserData(label);
      const response = await api.post('/api/v1/auth/register', {
        data: { ...user, investmentProfile: { riskTolerance: 'moderate', horizonYears: 10, goals: ['retirement'] } },
      });
      expect(response.status(), await response.text()).toBe(201);
      return { ...user, id: (await response.json()).id as string };
    });
  },
  logIn: async ({}, use) => {
    await use(async (page, user) => {
      await page.goto('/login');
      await page.getByTestId('login-email').fill(user.email);
      await page.getByTestId('login-password').fill(user.password);
      await page.getByTestId('login-submit').click();
      await expect(page).toHaveURL(/\/portfolios$/);
    });
  },
  createPortfolio: async ({}, use) => {
    await use(async (page, name) => {
      await page.getByTestId('nav-portfolios').click();
      await page.getByTestId('portfolio-create-name').fill(name);
      await page.getByTestId('portfolio-create-currency').selectOption('USD');
      await page.getByTestId('portfolio-create-submit').click();
      const row = page.locator(`[data-portfolio-name="${name}"]`);
      await expect(row).toBeVisible();
      const id = (await row.getAttribute('data-testid'))!.replace('portfolio-row-', '');
      await page.getByTestId(`portfolio-link-${id}`).click();
      await expect(page.getByTestId('portfolio-title')).toHaveText(name);
      return id;
    });
  },
  recordTrade: async ({}, use) => {
    await use(async (page, fields) => {
      await page.getByTestId('portfolio-trade-link').click();
      await page.getByTestId('trade-type').selectOption(fields.type);
      for (const [field, value] of Object.entries(fields)) {
        if (field !== 'type') await page.getByTestId(`trade-${field}`).fill(value);
      }
      await page.getByTestId('trade-submit').click();
    });
  },
});

export { expect };
