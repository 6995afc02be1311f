/**
 * Shared e2e fixtures. Every test makes its own users (unique emails), portfolios and trades through the
 * gateway's public API — not through the UI — and starts signed in by having its session injected into the
 * page's sessionStorage (where the web UI keeps its tokens). A test then drives through the UI only what it is
 * about. Only the instrument universe is shared; it is read-only except for the one symbol the admin price
 * test owns (ADMIN_PRICE_SYMBOL).
 */
import { randomUUID } from 'node:crypto';
import { test as base, expect, type APIRequestContext, type APIResponse, type Page } from '@playwright/test';
import type { Holding, Performance, Portfolio, RecordTransactionRequest, Transaction, TransactionPage, User as ApiUser } from '@ledgerline/api-schemas';

export interface User {
  email: string;
  password: string;
  fullName: string;
}

export const PASSWORD = 'Blue-Harbour-Lamp-7';
/** Where the web UI keeps its tokens (services/web/src/api/session.ts). */
const SESSION_KEY = 'ledgerline.session';
/** The only instrument whose price a test changes (the admin price test); no other test uses it. */
export const ADMIN_PRICE_SYMBOL = 'USFR';

export function newUserData(label = 'user'): User {
  return { email: `${label}-${randomUUID().slice(0, 8)}@e2e.test`, password: PASSWORD, fullName: `E2E ${label}` };
}

async function json<T>(response: APIResponse, status: number): Promise<T> {
  const text = await response.text();
  expect(response.status(), `${response.url()} → ${text}`).toBe(status);
  return (text ? JSON.parse(text) : undefined) as T;
}

/** A user of the running system, signed in through the API: their tokens, and calls made as them. */
export class SeededUser implements User {
  readonly id: string;
  readonly email: string;
  readonly password: string;
  readonly fullName: string;
  readonly accessToken: string;
  readonly refreshToken: string;
  readonly #api: APIRequestContext;

  constructor(api: APIRequestContext, user: User & { id: string }, tokens: { accessToken: string; refreshToken: string }) {
    this.#api = api;
    this.id = user.id;
    this.email = user.email;
    this.password = user.password;
    this.fullName = user.fullName;
    this.accessToken = tokens.accessToken;
    this.refreshToken = tokens.refreshToken;
  }

  get #auth() {
    return { authorization: `Bearer ${this.accessToken}` };
  }

  get<T>(path: string): Promise<T> {
    return this.#api.get(path, { headers: this.#auth }).then((r) => json<T>(r, 200));
  }

  me(): Promise<ApiUser> {
    return this.get('/api/v1/auth/me');
  }

  createPortfolio(name = 'Seeded', extra: { baseCurrency?: string; description?: string } = {}): Promise<Portfolio> {
    return this.#api.post('/api/v1/portfolios', { headers: this.#auth, data: { name, baseCurrency: 'USD', ...extra } }).then((r) => json<Portfolio>(r, 201));
  }

  /** Records a transaction and waits until it is completed (the API answers 201 with its status). */
  record(portfolioId: string, body: Omit<RecordTransactionRequest, 'portfolioId'>): Promise<Transaction> {
    return this.#api
      .post('/api/v1/transactions', { headers: { ...this.#auth, 'idempotency-key': randomUUID() }, data: { portfolioId, ...body } })
      .then((r) => json<Transaction>(r, 201));
  }

  /** A portfolio with `cash` deposited and each of `buys` bought at its price (no fees). */
  async portfolioWith(name: string, cash: string, buys: { symbol: string; quantity: string; price: string }[] = []): Promise<Portfolio> {
    const portfolio = await this.createPortfolio(name);
    if (cash !== '0') await this.record(portfolio.id, { type: 'deposit', amount: cash });
    for (const buy of buys) await this.record(portfolio.id, { type: 'buy', ...buy });
    return portfolio;
  }

  holdings(portfolioId: string): Promise<Holding[]> {
    return this.get<{ items: Holding[] }>(`/api/v1/portfolios/${portfolioId}/holdings`).then((list) => list.items);
  }

  performance(portfolioId: string): Promise<Performance> {
    return this.get(`/api/v1/portfolios/${portfolioId}/performance`);
  }

  transactions(portfolioId: string, query = ''): Promise<TransactionPage> {
    return this.get(`/api/v1/transactions?portfolioId=${portfolioId}${query ? `&${query}` : ''}`);
  }
}

interface WorkerFixtures {
  /**
   * Calls to the gateway's API, one context per worker: it holds no state a test could leave behind (the API
   * sets no cookies; every call carries its own bearer token), and a context per test cost its set-up every time.
   */
  api: APIRequestContext;
}

interface Fixtures {
  /** Registers a user through the gateway API (not the UI) and returns their credentials. */
  registeredUser: (label?: string) => Promise<User & { id: string }>;
  /** Registers and logs in a user through the API; `signIn` then injects their session into a page. */
  seedUser: (label?: string) => Promise<SeededUser>;
  /** The configured admin, logged in through the API. */
  admin: () => Promise<SeededUser>;
  /** Starts `page` signed in as `user` (tokens put into sessionStorage before the app loads), optionally opening `path`. */
  signIn: (page: Page, user: SeededUser, path?: string) => Promise<void>;
  /** Creates a portfolio through the UI and opens it; returns its id. */
  createPortfolio: (page: Page, name: string) => Promise<string>;
  /** Records a transaction through the trade form (fields by test id). */
  recordTrade: (page: Page, fields: Record<string, string>) => Promise<void>;
}

async function logInThroughApi(api: APIRequestContext, user: User) {
  return json<{ accessToken: string; refreshToken: string }>(await api.post('/api/v1/auth/login', { data: { email: user.email, password: user.password } }), 200);
}

export const test = base.extend<Fixtures, WorkerFixtures>({
  baseURL: async ({}, use) => {
    await use(process.env.E2E_BASE_URL);
  },
  api: [
    async ({ playwright }, use) => {
      const context = await playwright.request.newContext({ baseURL: process.env.E2E_BASE_URL });
      await use(context);
      await context.dispose();
    },
    { scope: 'worker' },
  ],
  registeredUser: async ({ api }, use) => {
    await use(async (label = 'user') => {
      const user = newUserData(label);
      const response = await api.post('/api/v1/auth/register', {
        data: { ...user, investmentProfile: { riskTolerance: 'moderate', horizonYears: 10, goals: ['retirement'] } },
      });
      const created = await json<{ id: string }>(response, 201);
      return { ...user, id: created.id };
    });
  },
  seedUser: async ({ api, registeredUser }, use) => {
    await use(async (label = 'user') => {
      const user = await registeredUser(label);
      return new SeededUser(api, user, await logInThroughApi(api, user));
    });
  },
  admin: async ({ api }, use) => {
    await use(async () => {
      const credentials = { email: process.env.E2E_ADMIN_EMAIL!, password: process.env.E2E_ADMIN_PASSWORD!, fullName: 'Admin' };
      const tokens = await logInThroughApi(api, credentials);
      const me = await json<ApiUser>(await api.get('/api/v1/auth/me', { headers: { authorization: `Bearer ${tokens.accessToken}` } }), 200);
      return new SeededUser(api, { ...credentials, id: me.id, fullName: me.fullName }, tokens);
    });
  },
  signIn: async ({}, use) => {
    await use(async (page, user, path) => {
      // Once per tab: a later log out or expiry in the test must not be undone by the next navigation.
      await page.addInitScript(({ key, tokens }) => {
        if (window.sessionStorage.getItem(`${key}.injected`)) return;
        window.sessionStorage.setItem(`${key}.injected`, '1');
        window.sessionStorage.setItem(key, JSON.stringify(tokens));
      }, { key: SESSION_KEY, tokens: { accessToken: user.accessToken, refreshToken: user.refreshToken } });
      if (path) await page.goto(path);
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

/** Answers every request to the API path matching `pattern` with a gateway 503 problem. */
export async function gatewayDown(page: Page, pattern: RegExp): Promise<void> {
  await page.route((url) => url.pathname.startsWith('/api/v1/') && pattern.test(url.pathname + url.search), (route) =>
    route.fulfill({
      status: 503,
      contentType: 'application/problem+json',
      body: JSON.stringify({ type: 'about:blank', title: 'Service Unavailable', status: 503, code: 'upstream_unavailable', detail: 'The service is temporarily unavailable. Please try again.' }),
    }));
}

/** Holds every request to the API path matching `pattern` until the returned function is called. */
export async function holdRequests(page: Page, pattern: RegExp): Promise<() => void> {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route((url) => url.pathname.startsWith('/api/v1/') && pattern.test(url.pathname), async (route) => {
    await released;
    await route.continue();
  });
  return release;
}

export { expect };
